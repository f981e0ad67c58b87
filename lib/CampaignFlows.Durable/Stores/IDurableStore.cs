using CampaignFlows.Durable.History;

namespace CampaignFlows.Durable.Stores;

/// <summary>
/// The persistence contract of the engine, after the Durable Task SQL backend: instances, an inbox of new events per
/// instance, history, an activity queue and a payloads table, with leases on instances and activities.
/// Every method is safe to call from many threads and, for multi-host stores, from many processes.
/// Times are UTC and always come from the caller (the engine's <see cref="TimeProvider"/>), never from the database clock.
/// </summary>
/// <remarks>
/// The replay and scheduling logic lives in the engine; a store only reads and writes rows. Flow-limit arithmetic is
/// shared by all stores through <see cref="Flow.FlowGate"/>, which a store runs inside its lease transaction.
/// Payloads larger than <see cref="DurableStoreSettings.MaxInlinePayloadBytes"/> go to the payloads table.
/// </remarks>
public interface IDurableStore : IScheduleMonitor, IAsyncDisposable
{
    /// <summary>Creates or migrates the schema (under a lock, versions recorded). Idempotent; other methods call it on first use.</summary>
    Task InitializeAsync(CancellationToken cancellation);

    /// <summary>Creates an instance and its ExecutionStarted message. A finished instance with the same id is replaced
    /// (history, inbox and activities deleted).</summary>
    /// <exception cref="InstanceAlreadyExistsException">The id belongs to an unfinished instance; nothing is written.</exception>
    Task CreateInstanceAsync(NewInstance instance, CancellationToken cancellation);

    /// <summary>The instance row, or null.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellation);

    /// <summary>A page of instances ordered by id.</summary>
    Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, CancellationToken cancellation);

    /// <summary>The current generation's history, or null when the instance does not exist.</summary>
    Task<IReadOnlyList<HistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellation);

    /// <summary>Adds a message to an existing instance's inbox; a message for a finished instance is dropped, since no
    /// episode will read it (the same applies to completions and messages written by checkpoints).</summary>
    /// <returns>False when the instance does not exist (nothing written).</returns>
    Task<bool> SendMessageAsync(InstanceMessage message, CancellationToken cancellation);

    /// <summary>Deletes the given instances with their history, inbox, activities and payloads, but only those that are finished.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellation);

    /// <summary>Leases instances that have due inbox messages and no live lease, and loads them.</summary>
    Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(OrchestrationLockRequest request, CancellationToken cancellation);

    /// <summary>Writes one episode's results in one transaction.</summary>
    /// <returns>False when the lease was lost (another host owns the instance now); nothing was written.</returns>
    Task<bool> CommitOrchestrationAsync(OrchestrationCommit commit, CancellationToken cancellation);

    /// <summary>Writes several episodes' results, of different instances, in ONE transaction (group commit): each is applied
    /// only while its own lease holds, exactly as <see cref="CommitOrchestrationAsync"/> would apply it.</summary>
    /// <returns>For each commit, whether it was applied (false: its lease was lost; nothing of it was written).</returns>
    /// <exception cref="Exception">When the transaction fails nothing of any commit is written; the caller may retry them one by one.</exception>
    Task<IReadOnlyList<bool>> CommitOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellation);

    /// <summary>Extends an instance lease. False when it was lost.</summary>
    Task<bool> RenewOrchestrationLeaseAsync(string instanceId, string lockToken, DateTime leaseUntil, CancellationToken cancellation);

    /// <summary>Gives up an instance lease at once so another host may take it (shutdown, abandoned episode).</summary>
    Task ReleaseOrchestrationAsync(string instanceId, string lockToken, CancellationToken cancellation);

    /// <summary>Ready activities (visible, not leased): per (priority, fairness key) the oldest <paramref name="maxPerKey"/>,
    /// at most <paramref name="max"/> in all, highest priority first.</summary>
    Task<IReadOnlyList<ActivityCandidate>> GetActivityCandidatesAsync(int maxPerKey, int max, DateTime now, CancellationToken cancellation);

    /// <summary>In one transaction: walks the candidates in order, admits each that <see cref="Flow.FlowGate"/> allows
    /// (tokens, window quota, concurrency), spends its tokens and leases it. Candidates taken by someone else are skipped.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LeaseActivitiesAsync(ActivityLeaseRequest request, CancellationToken cancellation);

    /// <summary>Applies activity results, each in the same transaction as the deletion of its activity row. One batch may hold
    /// two results for the same activity id with different lock tokens (a lease that expired and was re-taken): only the
    /// one whose token matches may deliver its completion.</summary>
    /// <returns>For each result, whether it was applied (false: its lease was lost and it was discarded).</returns>
    Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, CancellationToken cancellation);

    /// <summary>Extends an activity lease. False when it was lost.</summary>
    Task<bool> RenewActivityLeaseAsync(long activityId, string lockToken, DateTime leaseUntil, CancellationToken cancellation);

    /// <summary>Puts a leased activity back (throttled or released at shutdown) without spending an attempt.</summary>
    /// <returns>False when the lease was lost.</returns>
    Task<bool> RequeueActivityAsync(ActivityRequeue requeue, CancellationToken cancellation);

    /// <summary>Claims that <paramref name="owner"/> is alive until the returned handle is disposed or the process dies; the
    /// claim must vanish by itself when the process dies (a database session lock, an operating-system file lock).</summary>
    Task<IAsyncDisposable> RegisterHostAsync(string owner, CancellationToken cancellation);

    /// <summary>Releases the unexpired instance and activity leases of owners whose id starts with <paramref name="ownerPrefix"/>,
    /// other than <paramref name="self"/>, that hold no liveness claim (every engine process registers one before it leases
    /// anything, so such an owner is dead). Owners with a live claim keep their leases.</summary>
    /// <returns>How many leases were released.</returns>
    Task<int> ReleaseLeasesOfDeadOwnersAsync(string ownerPrefix, string self, DateTime now, CancellationToken cancellation);

    /// <summary>Defines or changes a flow-control key; keeps its spent tokens and window.</summary>
    Task SetFlowLimitAsync(string key, FlowLimit limit, DateTime now, CancellationToken cancellation);

    /// <summary>The state of a flow-control key at <paramref name="now"/>, or null when undefined.</summary>
    Task<FlowLimitState?> GetFlowLimitAsync(string key, DateTime now, CancellationToken cancellation);
}

/// <summary>Store settings derived from the engine options.</summary>
/// <param name="ConnectionString">The store's connection string.</param>
/// <param name="HubName">The task hub; stores may use it as a schema or table prefix.</param>
/// <param name="MaxInlinePayloadBytes">Larger payloads go to the payloads table.</param>
public sealed record DurableStoreSettings(string ConnectionString, string HubName, int MaxInlinePayloadBytes);
