using CampaignFlows.Durable.History;

namespace CampaignFlows.Durable.Stores;

/// <summary>What to lock in one orchestration poll.</summary>
/// <param name="Owner">This host's id, recorded on the lease.</param>
/// <param name="MaxItems">At most this many instances.</param>
/// <param name="Now">The clock's now (UTC); messages visible at or before it are due.</param>
/// <param name="LeaseUntil">The lease expiry to record.</param>
/// <param name="MaxMessagesPerItem">At most this many inbox messages per instance, oldest first.</param>
/// <param name="CachedHistoryLength">For instances whose live state this host keeps (extended sessions): the
/// history length it holds. When it equals the stored length the store may skip loading history.</param>
public sealed record OrchestrationLockRequest(string Owner, int MaxItems, DateTime Now, DateTime LeaseUntil, int MaxMessagesPerItem,
    Func<string, int?>? CachedHistoryLength = null);

/// <summary>A leased instance with its due inbox messages.</summary>
/// <param name="Instance">The instance row, with payloads.</param>
/// <param name="LockToken">Proves the lease at checkpoint, renewal and release.</param>
/// <param name="History">The current generation's history, oldest first; null when the cache already holds it.</param>
/// <param name="Messages">Due inbox messages, oldest first.</param>
public sealed record OrchestrationWorkItem(InstanceRecord Instance, string LockToken, IReadOnlyList<HistoryEvent>? History,
    IReadOnlyList<InboxMessage> Messages);

/// <summary>
/// Everything one episode produced, written in ONE transaction, only while <see cref="LockToken"/> still holds the lease.
/// </summary>
public sealed record OrchestrationCommit
{
    /// <summary>The instance.</summary>
    public required string InstanceId { get; init; }
    /// <summary>The lease proof.</summary>
    public required string LockToken { get; init; }
    /// <summary>Inbox messages consumed by the episode: deleted.</summary>
    public required IReadOnlyList<long> ConsumedMessages { get; init; }
    /// <summary>When true the stored history is deleted before <see cref="NewHistory"/> is appended (ContinueAsNew).</summary>
    public bool ReplaceHistory { get; init; }
    /// <summary>Events appended to history, in order.</summary>
    public required IReadOnlyList<HistoryEvent> NewHistory { get; init; }
    /// <summary>The instance row's new state.</summary>
    public required InstanceUpdate Update { get; init; }
    /// <summary>Activities to enqueue.</summary>
    public IReadOnlyList<NewActivity> Activities { get; init; } = [];
    /// <summary>Messages to this or other instances (timers to self, completions to the parent, carried-over events).</summary>
    public IReadOnlyList<InstanceMessage> Messages { get; init; } = [];
    /// <summary>Sub-orchestrations to create. A child whose id is in use by an unfinished instance is not replaced:
    /// its parent gets a SubOrchestrationInstanceFailed message instead.</summary>
    public IReadOnlyList<NewInstance> SubOrchestrations { get; init; } = [];
    /// <summary>Keep the lease after the commit (the host continues the instance without re-locking it).</summary>
    public bool KeepLease { get; init; }
}

/// <summary>An activity to enqueue.</summary>
/// <param name="InstanceId">The orchestration that scheduled it.</param>
/// <param name="ExecutionId">Its generation.</param>
/// <param name="TaskId">The TaskScheduled event id.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Input">The input as JSON.</param>
/// <param name="Attempt">Attempt number under the retry policy, from 1.</param>
/// <param name="Priority">Higher first.</param>
/// <param name="FairnessKey">The fairness key; empty for the shared default.</param>
/// <param name="FairnessWeight">The fairness weight, at least 1.</param>
/// <param name="RateLimits">The rate-limit keys and costs.</param>
/// <param name="VisibleAt">Not dispatched before (UTC).</param>
/// <param name="TraceParent">The W3C trace context of the episode that scheduled it; the activity's span is its child.</param>
public sealed record NewActivity(string InstanceId, string ExecutionId, int TaskId, string Name, string? Input, int Attempt,
    int Priority, string FairnessKey, int FairnessWeight, IReadOnlyList<RateLimit> RateLimits, DateTime VisibleAt, string? TraceParent = null);

/// <summary>A ready activity as the dispatcher sees it before choosing what to lease.</summary>
/// <param name="Id">The store's activity id.</param>
/// <param name="Priority">Higher first.</param>
/// <param name="FairnessKey">The fairness key.</param>
/// <param name="FairnessWeight">Its weight.</param>
/// <param name="RateLimits">The keys and costs it spends.</param>
public sealed record ActivityCandidate(long Id, int Priority, string FairnessKey, int FairnessWeight, IReadOnlyList<RateLimit> RateLimits);

/// <summary>Lease these candidates, in this order, as far as flow limits admit them.</summary>
/// <param name="Candidates">Candidates in dispatch order (priority, then fair order).</param>
/// <param name="Owner">This host's id.</param>
/// <param name="Now">The clock's now (UTC).</param>
/// <param name="LeaseUntil">The lease expiry.</param>
/// <param name="MaxItems">Lease at most this many.</param>
public sealed record ActivityLeaseRequest(IReadOnlyList<ActivityCandidate> Candidates, string Owner, DateTime Now, DateTime LeaseUntil, int MaxItems);

/// <summary>A leased activity.</summary>
/// <param name="Id">The store's activity id.</param>
/// <param name="LockToken">Proves the lease.</param>
/// <param name="Activity">What to run.</param>
public sealed record ActivityWorkItem(long Id, string LockToken, NewActivity Activity);

/// <summary>The end of an activity run: its completion message goes to the orchestration's inbox and the activity row is deleted,
/// in one transaction, only while the lease still holds; otherwise nothing is written.</summary>
/// <param name="Id">The activity id.</param>
/// <param name="LockToken">The lease proof.</param>
/// <param name="Completion">The TaskCompleted or TaskFailed message.</param>
public sealed record ActivityResult(long Id, string LockToken, InstanceMessage Completion);

/// <summary>Put a leased activity back in the queue without completing it.</summary>
/// <param name="Id">The activity id.</param>
/// <param name="LockToken">The lease proof.</param>
/// <param name="VisibleAt">When it may run again (UTC).</param>
/// <param name="ThrottledAt">When set, every rate key of the activity is throttled (rate halved) at this time.</param>
public sealed record ActivityRequeue(long Id, string LockToken, DateTime VisibleAt, DateTime? ThrottledAt);
