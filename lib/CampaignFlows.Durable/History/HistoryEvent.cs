using System.Text.Json;

namespace CampaignFlows.Durable.History;

/// <summary>
/// One event of an orchestration's history, or one message in its inbox (the same shape: a consumed message
/// becomes a history event). Stores keep it as opaque JSON written by <see cref="Serialize"/>.
/// </summary>
/// <param name="Type">The event kind.</param>
/// <param name="Timestamp">When it happened (UTC).</param>
public sealed record HistoryEvent(EventType Type, DateTime Timestamp)
{
    /// <summary>The sequence number of the action that scheduled it (TaskScheduled, TimerCreated, SubOrchestrationInstanceCreated); -1 otherwise.</summary>
    public int EventId { get; init; } = -1;

    /// <summary>For completions (TaskCompleted/Failed, TimerFired, SubOrchestration*Completed/Failed): the <see cref="EventId"/> they complete.</summary>
    public int TaskScheduledId { get; init; } = -1;

    /// <summary>The activity, orchestrator or event name.</summary>
    public string? Name { get; init; }

    /// <summary>Input, result, output or event payload as JSON.</summary>
    public string? Data { get; init; }

    /// <summary>The failure of TaskFailed, SubOrchestrationInstanceFailed and a failed ExecutionCompleted.</summary>
    public TaskFailureDetails? Failure { get; init; }

    /// <summary>When a timer fires (TimerCreated, TimerFired).</summary>
    public DateTime? FireAt { get; init; }

    /// <summary>On ExecutionStarted: the generation it starts. On completions: the generation they belong to (stale ones are dropped).</summary>
    public string? ExecutionId { get; init; }

    /// <summary>On SubOrchestrationInstanceCreated: the child's instance id.</summary>
    public string? InstanceId { get; init; }

    /// <summary>On ExecutionStarted of a sub-orchestration: the parent to notify when it finishes.</summary>
    public ParentInstance? Parent { get; init; }

    /// <summary>On ExecutionCompleted: the final status (Completed, Failed or Terminated).</summary>
    public OrchestrationRuntimeStatus? Status { get; init; }

    /// <summary>On TaskScheduled: which attempt under the caller's retry policy, from 1.</summary>
    public int Attempt { get; init; }

    /// <summary>Serializes the event for a store.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, DurableJson.Options);

    /// <summary>Reads an event written by <see cref="Serialize"/>.</summary>
    public static HistoryEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json, DurableJson.Options)
        ?? throw new InvalidOperationException("A stored history event was empty.");
}

/// <summary>The parent of a sub-orchestration: where its completion goes.</summary>
/// <param name="InstanceId">The parent's instance id.</param>
/// <param name="ExecutionId">The parent's generation.</param>
/// <param name="TaskScheduledId">The parent's action sequence number for this child.</param>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskScheduledId);
