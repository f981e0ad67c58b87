using CampaignFlows.Durable.History;

namespace CampaignFlows.Durable.Runtime;

internal sealed partial class OrchestrationRuntime
{
    private readonly List<HistoryEvent> _heldWhileSuspended = [];
    private readonly List<HistoryEvent> _carried = [];
    private bool _suspended;

    public bool IsSuspended => _suspended;

    /// <summary>Re-applies recorded history: the code re-takes its actions, each checked against the record.</summary>
    /// <exception cref="NonDeterministicOrchestrationException">The code took a different action than recorded.</exception>
    public void Replay(IReadOnlyList<HistoryEvent> history)
    {
        _replaying = true;
        try
        {
            foreach (var e in history) Apply(e);
            HistoryLength += history.Count;
        }
        finally
        {
            _replaying = false;
        }
    }

    /// <summary>Applies new events and returns what the code did in response: new actions and, maybe, its completion.</summary>
    public EpisodeOutcome Run(IReadOnlyList<HistoryEvent> newEvents)
    {
        _customStatusChanged = false;
        foreach (var e in newEvents) Apply(e);
        var actions = Completion is { Status: OrchestrationRuntimeStatus.Terminated } ? [] : _unrecorded.ToList();
        _unrecorded.Clear();
        return new EpisodeOutcome(actions, Completion, _customStatusChanged);
    }

    private void Apply(HistoryEvent e)
    {
        if (e.Type == EventType.OrchestratorStarted) _currentUtc = e.Timestamp;
        if (Completion is not null)
        {
            // Recorded actions after the code finished mean the code now ends earlier than it did: non-determinism.
            if (e.Type is EventType.TaskScheduled or EventType.TimerCreated or EventType.SubOrchestrationInstanceCreated) Match(e);
            if (e.Type == EventType.EventRaised && _continueAsNew is { PreserveEvents: true }) _carried.Add(e);
            return;
        }
        if (_suspended && e.Type is not (EventType.ExecutionResumed or EventType.ExecutionTerminated or EventType.ExecutionSuspended or EventType.OrchestratorStarted))
        {
            _heldWhileSuspended.Add(e);
            return;
        }
        switch (e.Type)
        {
            case EventType.ExecutionStarted:
                Start(e);
                break;
            case EventType.TaskScheduled or EventType.TimerCreated or EventType.SubOrchestrationInstanceCreated:
                Match(e);
                break;
            case EventType.TaskCompleted or EventType.TimerFired or EventType.SubOrchestrationInstanceCompleted:
                if (_open.Remove(e.TaskScheduledId, out var done)) done.Completion.TrySetResult(e.Data);
                break;
            case EventType.TaskFailed or EventType.SubOrchestrationInstanceFailed:
                if (_open.Remove(e.TaskScheduledId, out var failed))
                    failed.Completion.TrySetException(new TaskFailedException(failed.Name, failed.Id, e.Failure ?? new TaskFailureDetails("Unknown", "The task failed.")));
                break;
            case EventType.EventRaised:
                Deliver(e);
                break;
            case EventType.ExecutionSuspended:
                _suspended = true;
                break;
            case EventType.ExecutionResumed:
                Resume();
                break;
            case EventType.ExecutionTerminated:
                Completion = EpisodeCompletion.Finished(OrchestrationRuntimeStatus.Terminated, e.Data, null);
                break;
        }
        CheckFinished();
    }

    private void Start(HistoryEvent e)
    {
        if (_running is not null) return;
        _input = e.Data;
        Parent = e.Parent;
        ExecutionId = e.ExecutionId ?? "";
        _running = Task.Factory.StartNew(() => _function(this), CancellationToken.None, TaskCreationOptions.None, _scheduler).Unwrap();
    }

    /// <summary>A recorded scheduling event must match the action the code took with the same sequence number.</summary>
    private void Match(HistoryEvent recorded)
    {
        var expected = recorded.Type == EventType.TimerCreated ? $"{recorded.Type} (#{recorded.EventId})" : $"{recorded.Type} '{recorded.Name}' (#{recorded.EventId})";
        var action = _unrecorded.FirstOrDefault(a => a.Id == recorded.EventId);
        if (action is null)
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{Name}' ({InstanceId}): history records {expected} but the code took no such action at that point.");
        if (action.ScheduledEventType != recorded.Type || !string.Equals(action.Name, recorded.Name ?? action.Name, StringComparison.OrdinalIgnoreCase))
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{Name}' ({InstanceId}): history records {expected} but the code now takes {action.Describe()}.");
        _unrecorded.Remove(action);
    }

    private void Resume()
    {
        _suspended = false;
        var held = _heldWhileSuspended.ToList();
        _heldWhileSuspended.Clear();
        foreach (var e in held) Apply(e);
    }

    private void CheckFinished()
    {
        if (Completion is not null || _running is not { IsCompleted: true } task) return;
        if (task.IsFaulted)
        {
            var error = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            Completion = EpisodeCompletion.Finished(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error));
        }
        else if (task.IsCanceled)
        {
            Completion = EpisodeCompletion.Finished(OrchestrationRuntimeStatus.Failed, null,
                new TaskFailureDetails(typeof(TaskCanceledException).FullName!, $"Orchestration '{Name}' was cancelled: an awaited task was cancelled and not handled."));
        }
        else if (_continueAsNew is { } next)
        {
            if (next.PreserveEvents) _carried.AddRange(_buffered);
            Completion = EpisodeCompletion.ContinuedAsNew(next.Input, _carried);
        }
        else
        {
            Completion = CompletedWith(task.Result);
        }
    }

    private EpisodeCompletion CompletedWith(object? result)
    {
        try
        {
            var output = JsonPayload.Serialize(result);
            JsonPayload.EnsureSize(output, _env.MaxPayloadBytes, $"The output of orchestration '{Name}'");
            return EpisodeCompletion.Finished(OrchestrationRuntimeStatus.Completed, output, null);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or System.Text.Json.JsonException)
        {
            return EpisodeCompletion.Finished(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex));
        }
    }
}

/// <summary>What one episode produced.</summary>
/// <param name="Actions">Actions taken and not yet recorded, in order.</param>
/// <param name="Completion">Set when the orchestration finished or continued as new.</param>
/// <param name="CustomStatusChanged">The code called SetCustomStatus.</param>
internal sealed record EpisodeOutcome(IReadOnlyList<PendingAction> Actions, EpisodeCompletion? Completion, bool CustomStatusChanged);

/// <summary>How an orchestration generation ended.</summary>
internal sealed record EpisodeCompletion(OrchestrationRuntimeStatus Status, string? Output, TaskFailureDetails? Failure,
    bool IsContinueAsNew, IReadOnlyList<HistoryEvent> CarriedEvents)
{
    public static EpisodeCompletion Finished(OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure) =>
        new(status, output, failure, false, []);

    /// <summary>Events arriving later in the same episode are still added to <paramref name="carried"/>, so it is kept, not copied.</summary>
    public static EpisodeCompletion ContinuedAsNew(string? input, IReadOnlyList<HistoryEvent> carried) =>
        new(OrchestrationRuntimeStatus.Running, input, null, true, carried);
}
