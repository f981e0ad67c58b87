using System.Text.Json;

namespace CampaignFlows.Durable;

/// <summary>What is known about an orchestration instance.</summary>
public sealed record OrchestrationMetadata
{
    /// <summary>The orchestrator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The current status.</summary>
    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance last changed.</summary>
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The input as JSON, when requested.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>The output as JSON, when requested and finished.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>The custom status as JSON, when requested.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Why it failed, when it failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>True while the instance is pending, running or suspended.</summary>
    public bool IsRunning => !RuntimeStatus.IsTerminal();

    /// <summary>True once the instance has finished for good.</summary>
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    /// <summary>The input read as <typeparamref name="T"/>.</summary>
    public T? ReadInputAs<T>() => Read<T>(SerializedInput);

    /// <summary>The output read as <typeparamref name="T"/>.</summary>
    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);

    /// <summary>The custom status read as <typeparamref name="T"/>.</summary>
    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    private static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, DurableJson.Options);
}

/// <summary>The JSON settings used for every input, output, event and status the engine stores.</summary>
public static class DurableJson
{
    /// <summary>Web defaults (camelCase, case-insensitive reads), enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
