namespace CampaignFlows.Durable;

/// <summary>Starts, queries and steers orchestration instances; what HTTP triggers and tools code against.</summary>
public abstract class DurableTaskClient
{
    /// <summary>The task hub this client talks to.</summary>
    public abstract string Name { get; }

    /// <summary>Schedules a new orchestration instance and returns its id.</summary>
    /// <param name="orchestratorName">A registered orchestrator.</param>
    /// <param name="input">Serialized as JSON; keep it small.</param>
    /// <param name="options">The instance id (generated when null) and an optional start time.</param>
    /// <param name="cancellation">Cancels the request.</param>
    /// <exception cref="InstanceAlreadyExistsException">An instance with that id exists and is not finished; nothing new is started.</exception>
    /// <exception cref="ArgumentException">The name is not registered, the id is empty or too long, or the input is too large.</exception>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null,
        StartOrchestrationOptions? options = null, CancellationToken cancellation = default);

    /// <summary>The instance's metadata, or null when it does not exist.</summary>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default);

    /// <summary>One page of instances matching the query; pass the returned token to get the next page.</summary>
    public abstract Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default);

    /// <summary>All instances matching the query, page after page.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> QueryInstances(OrchestrationQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        for (var q = query; ;)
        {
            var page = await QueryInstancesAsync(q, cancellation).ConfigureAwait(false);
            foreach (var item in page.Items) yield return item;
            if (page.ContinuationToken is null) yield break;
            q = q with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>The instance's history, oldest first, or null when it does not exist.</summary>
    public abstract Task<IReadOnlyList<HistoryEventInfo>?> GetInstanceHistoryAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Sends an event to an instance; it is buffered until the orchestration waits for it.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    /// <summary>Terminates a running instance; a finished one is left as it is.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);

    /// <summary>Suspends a running instance: it keeps its events but runs nothing until resumed.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Resumes a suspended instance.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Deletes a finished instance's state and history; running instances are not purged.</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Deletes finished instances matching the filter.</summary>
    public abstract Task<PurgeResult> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default);

    /// <summary>Waits until the instance has finished (completed, failed or terminated) and returns its metadata.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default);

    /// <summary>Defines or changes a flow-control key for every host on this store; takes effect at once.</summary>
    public abstract Task SetFlowLimitAsync(string key, FlowLimit limit, CancellationToken cancellation = default);

    /// <summary>The current state of a flow-control key, or null when it is not defined.</summary>
    public abstract Task<FlowLimitState?> GetFlowLimitAsync(string key, CancellationToken cancellation = default);
}

/// <summary>Options for starting an instance.</summary>
/// <param name="InstanceId">The id to use; a new GUID when null. At most 256 characters.</param>
/// <param name="StartAt">Start no earlier than this time; at once when null.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

/// <summary>A filter for <see cref="DurableTaskClient.QueryInstancesAsync"/>.</summary>
public sealed record OrchestrationQuery
{
    /// <summary>Only instances created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only instances created at or before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Only instances in one of these statuses; all when null or empty.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Only instances whose id starts with this prefix.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Page size; at most 1,000.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Include inputs, outputs and custom status.</summary>
    public bool FetchInputsAndOutputs { get; init; }

    /// <summary>The token returned with the previous page.</summary>
    public string? ContinuationToken { get; init; }
}

/// <summary>One page of query results.</summary>
/// <param name="Items">The instances on this page.</param>
/// <param name="ContinuationToken">Pass to get the next page; null on the last page.</param>
public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Items, string? ContinuationToken);

/// <summary>A filter for purging many instances.</summary>
/// <param name="CreatedFrom">Created at or after.</param>
/// <param name="CreatedTo">Created at or before.</param>
/// <param name="Statuses">Among these terminal statuses; all terminal statuses when null.</param>
public sealed record PurgeInstancesFilter(DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedTo = null,
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary>How many instances a purge deleted.</summary>
public sealed record PurgeResult(int PurgedInstanceCount);

/// <summary>One recorded history event, as the management API shows it.</summary>
/// <param name="EventId">Sequence number of the scheduled task it belongs to, or -1.</param>
/// <param name="EventType">Durable Task's event type name, e.g. <c>TaskScheduled</c>, <c>TimerFired</c>.</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="Name">The activity, sub-orchestration or event name, if any.</param>
/// <param name="Data">Input, result or failure as JSON, if any.</param>
public sealed record HistoryEventInfo(int EventId, string EventType, DateTimeOffset Timestamp, string? Name, string? Data);

/// <summary>The live state of a flow-control key.</summary>
/// <param name="Key">The key.</param>
/// <param name="Limit">The configured definition.</param>
/// <param name="EffectivePerSecond">The rate in force now: lower than configured for a while after a throttle.</param>
/// <param name="SpentInWindow">Tokens spent in the current rolling window.</param>
/// <param name="Running">Activities under this key running now.</param>
public sealed record FlowLimitState(string Key, FlowLimit Limit, double? EffectivePerSecond, double SpentInWindow, int Running);

/// <summary>Thrown when starting an instance whose id is already in use by an unfinished instance.</summary>
public sealed class InstanceAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
    : InvalidOperationException($"An orchestration instance with id '{instanceId}' already exists and is {status}.")
{
    /// <summary>The instance id.</summary>
    public string InstanceId { get; } = instanceId;

    /// <summary>The existing instance's status.</summary>
    public OrchestrationRuntimeStatus Status { get; } = status;
}

/// <summary>Thrown when an operation names an instance that does not exist.</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : InvalidOperationException($"No orchestration instance with id '{instanceId}' was found.")
{
    /// <summary>The instance id.</summary>
    public string InstanceId { get; } = instanceId;
}
