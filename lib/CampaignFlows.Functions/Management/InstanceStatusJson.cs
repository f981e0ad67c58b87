using System.Globalization;
using System.Text.Json.Nodes;
using CampaignFlows.Durable;

namespace CampaignFlows.Functions.Management;

/// <summary>Builds the instance status body of the Durable Functions HTTP API.</summary>
internal static class InstanceStatusJson
{
    public static JsonObject Create(OrchestrationMetadata instance, bool showInput, IReadOnlyList<HistoryEventInfo>? history, bool showHistoryOutput)
    {
        var status = new JsonObject
        {
            ["name"] = instance.Name,
            ["instanceId"] = instance.InstanceId,
            ["runtimeStatus"] = RuntimeStatus(instance.RuntimeStatus),
            ["input"] = showInput ? Parse(instance.SerializedInput) : null,
            ["customStatus"] = Parse(instance.SerializedCustomStatus),
            ["output"] = instance.FailureDetails is { } failure ? failure.ErrorMessage : Parse(instance.SerializedOutput),
            ["createdTime"] = Time(instance.CreatedAt),
            ["lastUpdatedTime"] = Time(instance.LastUpdatedAt),
        };
        if (history is not null) status["historyEvents"] = new JsonArray(history.Select(e => (JsonNode)HistoryEvent(e, showHistoryOutput)).ToArray());
        return status;
    }

    /// <summary>Durable Functions shows a continued-as-new instance as running.</summary>
    public static string RuntimeStatus(OrchestrationRuntimeStatus status) =>
        (status == OrchestrationRuntimeStatus.ContinuedAsNew ? OrchestrationRuntimeStatus.Running : status).ToString();

    private static JsonObject HistoryEvent(HistoryEventInfo e, bool showOutput)
    {
        var item = new JsonObject { ["EventType"] = e.EventType, ["EventId"] = e.EventId, ["Timestamp"] = Time(e.Timestamp) };
        if (e.Name is not null) item["FunctionName"] = e.Name;
        if (showOutput && e.Data is not null) item["Result"] = Parse(e.Data);
        return item;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonNode? Parse(string? json)
    {
        if (json is null) return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
