using CampaignFlows.Durable;
using CampaignFlows.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions;

/// <summary>The HTTP starter helpers of Durable Functions.</summary>
public static class DurableTaskClientHttpExtensions
{
    /// <summary>The management URLs of an instance, rooted at the host the request came to.</summary>
    public static HttpManagementPayload CreateHttpManagementPayload(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var keys = request.HttpContext.RequestServices.GetRequiredService<HostKeys>();
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{ManagementEndpoints.BasePath}/instances/{Uri.EscapeDataString(instanceId)}";
        var query = $"taskHub={Uri.EscapeDataString(client.Name)}&connection=Storage&code={Uri.EscapeDataString(keys.SystemKey)}";
        return new HttpManagementPayload(
            instanceId,
            $"{instance}?{query}",
            $"{instance}/raiseEvent/{{eventName}}?{query}",
            $"{instance}/terminate?reason={{text}}&{query}",
            $"{instance}?{query}",
            $"{instance}/suspend?reason={{text}}&{query}",
            $"{instance}/resume?reason={{text}}&{query}");
    }

    /// <summary>202 Accepted with <c>Location</c> set to the status URL and the management URLs as the body, as Durable Functions answers.</summary>
    public static IResult CreateCheckStatusResponse(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        var payload = client.CreateHttpManagementPayload(request, instanceId);
        return TypedResults.Accepted(payload.StatusQueryGetUri, payload);
    }
}
