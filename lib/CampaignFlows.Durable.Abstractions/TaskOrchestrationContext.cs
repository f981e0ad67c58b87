using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable;

/// <summary>What an orchestration function codes against: durable calls, timers, events and replay-safe helpers.</summary>
/// <remarks>
/// An orchestration is re-run from its history after every await that could not complete at once, so its code
/// must be deterministic: use <see cref="CurrentUtcDateTime"/> instead of the clock, <see cref="NewGuid"/> instead of
/// <see cref="Guid.NewGuid"/>, <see cref="CreateTimer(DateTime, CancellationToken)"/> instead of <see cref="Task.Delay(TimeSpan)"/>,
/// and activities for all I/O. Inputs and outputs should stay small: pass ids and references, not bodies or lists.
/// </remarks>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestrator's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The parent's instance id when this runs as a sub-orchestration.</summary>
    public abstract string? ParentInstanceId { get; }

    /// <summary>The deterministic current time: the timestamp of the history event being replayed or applied.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code is re-running over recorded history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The orchestration's input, deserialized as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The input cannot be read as <typeparamref name="T"/>; the message names the type and JSON path.</exception>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and returns its result.</summary>
    /// <remarks>Activities run at least once; make them idempotent. Throws <see cref="TaskFailedException"/> when it fails for good.</remarks>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity that returns nothing.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Starts a sub-orchestration and returns its output.</summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>Starts a sub-orchestration that returns nothing.</summary>
    public Task CallSubOrchestratorAsync(string orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>A durable timer that fires at <paramref name="fireAt"/> (UTC), surviving restarts; weeks are fine.</summary>
    /// <remarks>Cancelling the token before the timer fires completes the task as cancelled and the timer is ignored.</remarks>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires after <paramref name="delay"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an external event raised by name. Events raised before the wait are buffered, not lost.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an external event, at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TaskCanceledException">The timeout passed first.</exception>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Restarts the orchestration with new input and an empty history once the current episode ends.</summary>
    /// <param name="newInput">The next generation's input.</param>
    /// <param name="preserveUnprocessedEvents">Carry events received but not yet consumed over to the next generation.</param>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>Sets the status observers see through the client and the management API; keep it small.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the orchestration is not replaying.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>A replay-safe logger named after <typeparamref name="T"/>.</summary>
    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
