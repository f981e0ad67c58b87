using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Runtime;
using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Dispatch;

/// <summary>Turns one episode's outcome into the checkpoint the store writes in one transaction.</summary>
internal static class EpisodeBuilder
{
    /// <summary>The checkpoint of an episode that ran; activities and sub-orchestrations it starts carry
    /// <paramref name="traceParent"/> (the episode's W3C trace context) so their spans hang under it.</summary>
    public static OrchestrationCommit Build(OrchestrationWorkItem item, OrchestrationRuntime runtime, IReadOnlyList<HistoryEvent> applied,
        EpisodeOutcome outcome, DateTime now, string? traceParent)
    {
        var instance = item.Instance;
        var history = new List<HistoryEvent>(applied);
        var activities = new List<NewActivity>();
        var messages = new List<InstanceMessage>();
        var children = new List<NewInstance>();
        foreach (var action in outcome.Actions)
        {
            history.Add(Scheduled(action, now));
            switch (action.Kind)
            {
                case ActionKind.Activity:
                    var o = action.Options;
                    activities.Add(new NewActivity(instance.InstanceId, runtime.ExecutionId, action.Id, action.Name, action.Input, action.Attempt,
                        o?.Priority ?? 0, o?.Fairness?.Key ?? "", Math.Max(1, o?.Fairness?.Weight ?? 1), o?.RateLimits ?? [], now, traceParent));
                    break;
                case ActionKind.Timer:
                    messages.Add(new InstanceMessage(instance.InstanceId, new HistoryEvent(EventType.TimerFired, action.FireAt)
                    {
                        TaskScheduledId = action.Id, FireAt = action.FireAt, ExecutionId = runtime.ExecutionId,
                    }, action.FireAt));
                    break;
                case ActionKind.SubOrchestration:
                    var started = new HistoryEvent(EventType.ExecutionStarted, now)
                    {
                        Name = action.Name, Data = action.Input, ExecutionId = Guid.NewGuid().ToString("N"),
                        Parent = new ParentInstance(instance.InstanceId, runtime.ExecutionId, action.Id),
                    };
                    children.Add(new NewInstance(action.ChildInstanceId!, action.Name, action.Input, now, started, now, traceParent));
                    break;
            }
        }
        var completion = outcome.Completion;
        if (completion is { IsContinueAsNew: true }) return ContinueAsNew(item, runtime, completion, now);
        if (completion is not null)
        {
            history.Add(new HistoryEvent(EventType.ExecutionCompleted, now) { Status = completion.Status, Data = completion.Output, Failure = completion.Failure });
            if (runtime.Parent is { } parent) messages.Add(NotifyParent(parent, instance.Name, completion, now));
        }
        var status = completion?.Status ?? (runtime.IsSuspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running);
        return new OrchestrationCommit
        {
            InstanceId = instance.InstanceId,
            LockToken = item.LockToken,
            ConsumedMessages = item.Messages.Select(m => m.Seq).ToList(),
            NewHistory = history,
            Update = new InstanceUpdate(status, runtime.ExecutionId, null, completion?.Output, runtime.CustomStatus, completion?.Failure, now,
                completion is null ? null : now),
            Activities = activities,
            Messages = messages,
            SubOrchestrations = children,
        };
    }

    /// <summary>A new generation: history is cut, the new input starts it, and kept events are re-sent to it.</summary>
    private static OrchestrationCommit ContinueAsNew(OrchestrationWorkItem item, OrchestrationRuntime runtime, EpisodeCompletion completion, DateTime now)
    {
        var id = item.Instance.InstanceId;
        var executionId = Guid.NewGuid().ToString("N");
        var messages = new List<InstanceMessage>
        {
            new(id, new HistoryEvent(EventType.ExecutionStarted, now) { Name = item.Instance.Name, Data = completion.Output, ExecutionId = executionId, Parent = runtime.Parent }, now),
        };
        messages.AddRange(completion.CarriedEvents.Select(e => new InstanceMessage(id, e, now)));
        return new OrchestrationCommit
        {
            InstanceId = id,
            LockToken = item.LockToken,
            ConsumedMessages = item.Messages.Select(m => m.Seq).ToList(),
            ReplaceHistory = true,
            NewHistory = [],
            Update = new InstanceUpdate(OrchestrationRuntimeStatus.ContinuedAsNew, executionId, completion.Output ?? "null", null, runtime.CustomStatus, null, now, null),
            Messages = messages,
        };
    }

    /// <summary>Ends an instance that cannot run (unknown orchestrator, non-determinism) as Failed, telling its parent.</summary>
    public static OrchestrationCommit Fail(OrchestrationWorkItem item, IReadOnlyList<HistoryEvent> applied, TaskFailureDetails failure,
        ParentInstance? parent, DateTime now)
    {
        var completion = EpisodeCompletion.Finished(OrchestrationRuntimeStatus.Failed, null, failure);
        var history = applied.Append(new HistoryEvent(EventType.ExecutionCompleted, now) { Status = OrchestrationRuntimeStatus.Failed, Failure = failure }).ToList();
        return new OrchestrationCommit
        {
            InstanceId = item.Instance.InstanceId,
            LockToken = item.LockToken,
            ConsumedMessages = item.Messages.Select(m => m.Seq).ToList(),
            NewHistory = history,
            Update = new InstanceUpdate(OrchestrationRuntimeStatus.Failed, item.Instance.ExecutionId, null, null, item.Instance.CustomStatus, failure, now, now),
            Messages = parent is null ? [] : [NotifyParent(parent, item.Instance.Name, completion, now)],
        };
    }

    /// <summary>Drops messages that arrive after the instance finished; its row stays as it was.</summary>
    public static OrchestrationCommit DiscardLate(OrchestrationWorkItem item, DateTime now)
    {
        var r = item.Instance;
        return new OrchestrationCommit
        {
            InstanceId = r.InstanceId,
            LockToken = item.LockToken,
            ConsumedMessages = item.Messages.Select(m => m.Seq).ToList(),
            NewHistory = [],
            Update = new InstanceUpdate(r.Status, r.ExecutionId, null, r.Output, r.CustomStatus, r.Failure, r.UpdatedAt, r.CompletedAt),
        };
    }

    private static InstanceMessage NotifyParent(ParentInstance parent, string name, EpisodeCompletion completion, DateTime now)
    {
        var e = completion.Status == OrchestrationRuntimeStatus.Completed
            ? new HistoryEvent(EventType.SubOrchestrationInstanceCompleted, now) { Data = completion.Output }
            : new HistoryEvent(EventType.SubOrchestrationInstanceFailed, now)
            {
                Failure = completion.Failure ?? new TaskFailureDetails("Terminated", $"Sub-orchestration '{name}' was terminated."),
            };
        return new InstanceMessage(parent.InstanceId, e with { TaskScheduledId = parent.TaskScheduledId, ExecutionId = parent.ExecutionId, Name = name }, now);
    }

    private static HistoryEvent Scheduled(PendingAction action, DateTime now) => action.Kind switch
    {
        ActionKind.Timer => new HistoryEvent(EventType.TimerCreated, now) { EventId = action.Id, FireAt = action.FireAt },
        ActionKind.Activity => new HistoryEvent(EventType.TaskScheduled, now) { EventId = action.Id, Name = action.Name, Data = action.Input, Attempt = action.Attempt },
        _ => new HistoryEvent(EventType.SubOrchestrationInstanceCreated, now)
        {
            EventId = action.Id, Name = action.Name, Data = action.Input, InstanceId = action.ChildInstanceId, Attempt = action.Attempt,
        },
    };
}
