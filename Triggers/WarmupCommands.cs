using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;

namespace CampaignFlows.Triggers;

/// <summary><c>POST /api/warmups/{id}/{action}</c>: pause, resume, cancel, and the operator's advance and hold.</summary>
/// <remarks>
/// Pause suspends the instance (nothing runs, signals wait). Resume lifts that, or a pause the gate took after too
/// many failed days. Cancel ends the warm-up once the running day, if any, has finished sending. Advance and hold
/// are the operator's verdict on a paused warm-up (or a forced move on a running one).
/// </remarks>
public static class WarmupCommands
{
    private static readonly string[] Actions = ["pause", WarmupSignal.ResumeKind, WarmupSignal.CancelKind, WarmupSignal.AdvanceKind, WarmupSignal.HoldKind];

    /// <summary>Applies the action; 202 when taken, 404 for an unknown warm-up, 409 for a finished one.</summary>
    [Function(nameof(WarmupCommands))]
    public static async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "warmups/{id}/{action}")] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id, string action, CancellationToken cancellation)
    {
        var verb = action.ToLowerInvariant();
        if (!Actions.Contains(verb))
            return TypedResults.Problem($"'{action}' is not a warm-up action; use one of: {string.Join(", ", Actions)}.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown action");

        var instanceId = WarmupView.InstanceId(id);
        var instance = await client.GetInstanceAsync(instanceId, cancellation: cancellation);
        if (instance is null || instance.Name != nameof(Orchestrations.WarmupOrchestrator)) return WarmupProblems.UnknownWarmup(id);
        if (!instance.IsRunning)
            return TypedResults.Problem($"The warm-up '{instanceId}' is {instance.RuntimeStatus}; there is nothing to {verb}.",
                statusCode: StatusCodes.Status409Conflict, title: "Warm-up finished");

        var reason = req.Query["reason"].FirstOrDefault();
        var suspended = instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended;
        if (verb == "pause")
        {
            if (!suspended) await client.SuspendInstanceAsync(instanceId, reason ?? "Paused by an operator.", cancellation);
        }
        else
        {
            if (suspended) await client.ResumeInstanceAsync(instanceId, reason ?? $"{verb} by an operator.", cancellation);
            if (verb != WarmupSignal.ResumeKind || !suspended)
                await client.RaiseEventAsync(instanceId, WarmupSignal.EventName, new WarmupSignal(verb, Reason: reason), cancellation);
        }

        return TypedResults.Accepted(client.CreateHttpManagementPayload(req, instanceId).StatusQueryGetUri, new { id = instanceId, action = verb });
    }
}
