using System.Globalization;
using System.Text.Json.Nodes;
using CampaignFlows.Durable;
using CampaignFlows.Functions.Http;
using CampaignFlows.Functions.Management;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlows.Functions;

internal static partial class ManagementEndpoints
{
    public const string ContinuationHeader = "x-ms-continuation-token";

    private static async Task<IResult> GetInstance(HttpRequest request, string instanceId, [FromServices] DurableTaskClient client, CancellationToken cancellation)
    {
        var showHistory = Flag(request, "showHistory", false);
        var showHistoryOutput = Flag(request, "showHistoryOutput", false);
        var showInput = Flag(request, "showInput", true);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        if (instance is null) return NotFound(instanceId);
        var history = showHistory ? await client.GetInstanceHistoryAsync(instanceId, cancellation).ConfigureAwait(false) : null;
        var body = InstanceStatusJson.Create(instance, showInput, history, showHistoryOutput);
        if (instance.IsCompleted) return Results.Json(body, statusCode: StatusCodes.Status200OK);
        request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        request.HttpContext.Response.Headers.RetryAfter = "10";
        return Results.Json(body, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ListInstances(HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellation)
    {
        var query = new OrchestrationQuery
        {
            Statuses = Statuses(request),
            CreatedFrom = Time(request, "createdTimeFrom"),
            CreatedTo = Time(request, "createdTimeTo"),
            InstanceIdPrefix = request.Query["instanceIdPrefix"].FirstOrDefault(p => !string.IsNullOrEmpty(p)),
            PageSize = Top(request),
            FetchInputsAndOutputs = true,
            ContinuationToken = request.Headers[ContinuationHeader].FirstOrDefault(t => !string.IsNullOrEmpty(t)),
        };
        var showInput = Flag(request, "showInput", false);
        var page = await client.QueryInstancesAsync(query, cancellation).ConfigureAwait(false);
        if (page.ContinuationToken is not null) request.HttpContext.Response.Headers[ContinuationHeader] = page.ContinuationToken;
        var items = new JsonArray(page.Items.Select(i => (JsonNode)InstanceStatusJson.Create(i, showInput, null, false)).ToArray());
        return Results.Json(items);
    }

    private static bool Flag(HttpRequest request, string name, bool fallback)
    {
        var raw = request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(raw)) return fallback;
        return bool.TryParse(raw, out var value) ? value : throw BadQuery(name, raw, "true or false");
    }

    private static DateTimeOffset? Time(HttpRequest request, string name)
    {
        var raw = request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(raw)) return null;
        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value : throw BadQuery(name, raw, "an ISO 8601 time");
    }

    private static int Top(HttpRequest request)
    {
        var raw = request.Query["top"].FirstOrDefault();
        if (string.IsNullOrEmpty(raw)) return 100;
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top is >= 1 and <= 1000
            ? top : throw BadQuery("top", raw, "an integer from 1 to 1000");
    }

    private static List<OrchestrationRuntimeStatus>? Statuses(HttpRequest request)
    {
        var names = request.Query["runtimeStatus"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0) return null;
        return names.Select(n => Enum.TryParse<OrchestrationRuntimeStatus>(n, true, out var s) && s != OrchestrationRuntimeStatus.ContinuedAsNew ? s
            : throw BadQuery("runtimeStatus", n, "Pending, Running, Completed, Failed, Terminated or Suspended")).ToList();
    }

    private static FunctionHttpException BadQuery(string name, string raw, string expected) =>
        new(StatusCodes.Status400BadRequest, "Invalid query parameter", $"The query parameter '{name}' must be {expected}, not '{raw}'.");
}
