using CampaignFlows.Durable;
using CampaignFlows.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlows.Functions;

internal static partial class ManagementEndpoints
{
    private static async Task<IResult> RaiseEvent(HttpRequest request, string instanceId, string eventName, [FromServices] DurableTaskClient client, CancellationToken cancellation)
    {
        var payload = await request.ReadJsonElementAsync(allowEmpty: true, cancellation).ConfigureAwait(false);
        return await OnRunning(client, instanceId, c => client.RaiseEventAsync(instanceId, eventName, payload, c), cancellation).ConfigureAwait(false);
    }

    private static Task<IResult> Terminate(string instanceId, string? reason, [FromServices] DurableTaskClient client, CancellationToken cancellation) =>
        OnRunning(client, instanceId, c => client.TerminateInstanceAsync(instanceId, reason, c), cancellation);

    private static Task<IResult> Suspend(string instanceId, string? reason, [FromServices] DurableTaskClient client, CancellationToken cancellation) =>
        OnRunning(client, instanceId, c => client.SuspendInstanceAsync(instanceId, reason, c), cancellation);

    private static Task<IResult> Resume(string instanceId, string? reason, [FromServices] DurableTaskClient client, CancellationToken cancellation) =>
        OnRunning(client, instanceId, c => client.ResumeInstanceAsync(instanceId, reason, c), cancellation);

    private static async Task<IResult> Purge(string instanceId, [FromServices] DurableTaskClient client, CancellationToken cancellation)
    {
        var instance = await client.GetInstanceAsync(instanceId, cancellation: cancellation).ConfigureAwait(false);
        if (instance is null) return NotFound(instanceId);
        if (instance.IsRunning)
            return Problems.Result(StatusCodes.Status409Conflict, "Instance still running",
                $"Instance '{instanceId}' is {instance.RuntimeStatus}; only finished instances can be purged (terminate it first).");
        var result = await client.PurgeInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        return result.PurgedInstanceCount == 0 ? NotFound(instanceId) : Results.Json(new { instancesDeleted = result.PurgedInstanceCount });
    }

    /// <summary>Durable Functions answers 202 when the command is accepted, 404 for an unknown instance and 410 for a finished one.</summary>
    private static async Task<IResult> OnRunning([FromServices] DurableTaskClient client, string instanceId, Func<CancellationToken, Task> command, CancellationToken cancellation)
    {
        var instance = await client.GetInstanceAsync(instanceId, cancellation: cancellation).ConfigureAwait(false);
        if (instance is null) return NotFound(instanceId);
        if (instance.IsCompleted)
            return Problems.Result(StatusCodes.Status410Gone, "Instance finished", $"Instance '{instanceId}' is {instance.RuntimeStatus} and takes no more commands.");
        try
        {
            await command(cancellation).ConfigureAwait(false);
        }
        catch (InstanceNotFoundException)
        {
            return NotFound(instanceId);
        }
        return Results.Accepted();
    }
}
