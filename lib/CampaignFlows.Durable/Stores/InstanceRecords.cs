using CampaignFlows.Durable.History;

namespace CampaignFlows.Durable.Stores;

/// <summary>A new instance to create, with its first message (ExecutionStarted).</summary>
/// <param name="InstanceId">The id; validated by the caller.</param>
/// <param name="Name">The orchestrator's name.</param>
/// <param name="Input">The input as JSON.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="Started">The ExecutionStarted event, delivered at <paramref name="VisibleAt"/>.</param>
/// <param name="VisibleAt">When the instance may start (UTC).</param>
/// <param name="TraceParent">The W3C trace context of whoever started it (a request, a parent episode); its spans continue that trace.</param>
public sealed record NewInstance(string InstanceId, string Name, string? Input, DateTime CreatedAt, HistoryEvent Started, DateTime VisibleAt,
    string? TraceParent = null);

/// <summary>An instance row as a store keeps it.</summary>
public sealed record InstanceRecord
{
    /// <summary>The id.</summary>
    public required string InstanceId { get; init; }
    /// <summary>The orchestrator's name.</summary>
    public required string Name { get; init; }
    /// <summary>The current generation (changes on ContinueAsNew).</summary>
    public required string ExecutionId { get; init; }
    /// <summary>The status.</summary>
    public required OrchestrationRuntimeStatus Status { get; init; }
    /// <summary>Created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }
    /// <summary>Last changed (UTC).</summary>
    public required DateTime UpdatedAt { get; init; }
    /// <summary>Finished (UTC), when terminal.</summary>
    public DateTime? CompletedAt { get; init; }
    /// <summary>The input JSON, when payloads were requested (always for work items).</summary>
    public string? Input { get; init; }
    /// <summary>The output JSON, when payloads were requested.</summary>
    public string? Output { get; init; }
    /// <summary>The custom status JSON, when payloads were requested.</summary>
    public string? CustomStatus { get; init; }
    /// <summary>The failure, when failed.</summary>
    public TaskFailureDetails? Failure { get; init; }
    /// <summary>The parent instance id of a sub-orchestration.</summary>
    public string? ParentInstanceId { get; init; }
    /// <summary>How many history events are stored for the current generation.</summary>
    public int HistoryLength { get; init; }
    /// <summary>The W3C trace context the instance was started under, or null.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>The instance row's new state written by a checkpoint.</summary>
/// <param name="Status">The status after the episode.</param>
/// <param name="ExecutionId">The generation (new after ContinueAsNew).</param>
/// <param name="Input">The input (new after ContinueAsNew; otherwise unchanged and null means "keep").</param>
/// <param name="Output">The output, when finished.</param>
/// <param name="CustomStatus">The custom status JSON (null clears it).</param>
/// <param name="Failure">The failure, when failed.</param>
/// <param name="UpdatedAt">Now (UTC).</param>
/// <param name="CompletedAt">When it finished, if it did.</param>
public sealed record InstanceUpdate(OrchestrationRuntimeStatus Status, string ExecutionId, string? Input, string? Output,
    string? CustomStatus, TaskFailureDetails? Failure, DateTime UpdatedAt, DateTime? CompletedAt);

/// <summary>A filter over instances; <see cref="ContinuationToken"/> is opaque to callers and owned by the store.</summary>
public sealed record InstanceFilter
{
    /// <summary>Created at or after.</summary>
    public DateTime? CreatedFrom { get; init; }
    /// <summary>Created at or before.</summary>
    public DateTime? CreatedTo { get; init; }
    /// <summary>Any of these statuses; all when null or empty.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }
    /// <summary>Ids starting with this prefix.</summary>
    public string? InstanceIdPrefix { get; init; }
    /// <summary>At most this many rows.</summary>
    public int PageSize { get; init; } = 100;
    /// <summary>Include input, output and custom status.</summary>
    public bool IncludePayloads { get; init; }
    /// <summary>Where the previous page stopped.</summary>
    public string? ContinuationToken { get; init; }
}

/// <summary>One page of instances.</summary>
/// <param name="Items">The rows.</param>
/// <param name="ContinuationToken">Where to continue; null on the last page.</param>
public sealed record InstancePage(IReadOnlyList<InstanceRecord> Items, string? ContinuationToken);

/// <summary>A message for an instance's inbox.</summary>
/// <param name="InstanceId">The recipient.</param>
/// <param name="Event">The event to deliver.</param>
/// <param name="VisibleAt">Not delivered before this time (UTC); timers use it.</param>
public sealed record InstanceMessage(string InstanceId, HistoryEvent Event, DateTime VisibleAt);

/// <summary>A message taken from the inbox; <see cref="Seq"/> identifies it for deletion at checkpoint.</summary>
/// <param name="Seq">The store's message id.</param>
/// <param name="Event">The event.</param>
public sealed record InboxMessage(long Seq, HistoryEvent Event);
