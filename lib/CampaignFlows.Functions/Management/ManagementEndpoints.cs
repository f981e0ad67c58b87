using CampaignFlows.Durable;
using CampaignFlows.Functions.Discovery;
using CampaignFlows.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions;

/// <summary>
/// The Durable Functions management API under <c>/runtime/webhooks/durabletask</c>: same paths, query parameters, status codes
/// and payloads, so existing scripts work. Protected by the master key or the system key the host puts into the URLs it hands out.
/// </summary>
internal static partial class ManagementEndpoints
{
    public const string BasePath = "/runtime/webhooks/durabletask";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).AddEndpointFilter(RequireSystemKey);
        group.MapGet("/instances/{instanceId}", GetInstance);
        group.MapGet("/instances", ListInstances);
        group.MapPost("/instances/{instanceId}/raiseEvent/{eventName}", RaiseEvent);
        group.MapPost("/instances/{instanceId}/terminate", Terminate);
        group.MapPost("/instances/{instanceId}/suspend", Suspend);
        group.MapPost("/instances/{instanceId}/resume", Resume);
        group.MapDelete("/instances/{instanceId}", Purge);
        group.MapPost("/orchestrators/{functionName}/{instanceId?}", Start);
    }

    private static async ValueTask<object?> RequireSystemKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var status = http.RequestServices.GetRequiredService<HostKeys>().Authorize(http.Request, AuthorizationLevel.Admin, systemKeyAllowed: true);
        if (status == StatusCodes.Status200OK) return await next(context).ConfigureAwait(false);
        await Problems.WriteUnauthorizedAsync(http, status).ConfigureAwait(false);
        return Results.Empty;
    }

    private static async Task<IResult> Start(HttpRequest request, string functionName, string? instanceId, [FromServices] DurableTaskClient client,
        [FromServices] FunctionCatalog catalog, CancellationToken cancellation)
    {
        if (!catalog.IsOrchestrator(functionName))
            return Problems.Result(StatusCodes.Status404NotFound, "Unknown orchestrator", $"No orchestrator function is named '{functionName}'.");
        var input = await request.ReadJsonElementAsync(allowEmpty: true, cancellation).ConfigureAwait(false);
        try
        {
            var id = await client.ScheduleNewOrchestrationInstanceAsync(catalog.CanonicalName(functionName), input,
                new StartOrchestrationOptions(string.IsNullOrEmpty(instanceId) ? null : instanceId), cancellation).ConfigureAwait(false);
            return client.CreateCheckStatusResponse(request, id);
        }
        catch (InstanceAlreadyExistsException e)
        {
            return Problems.Result(StatusCodes.Status409Conflict, "Instance already exists", e.Message);
        }
        catch (ArgumentException e)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Invalid start request", e.Message);
        }
    }

    private static IResult NotFound(string instanceId) =>
        Problems.Result(StatusCodes.Status404NotFound, "Instance not found", $"No orchestration instance with id '{instanceId}' was found.");
}
