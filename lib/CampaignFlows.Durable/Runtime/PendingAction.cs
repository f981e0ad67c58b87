using CampaignFlows.Durable.History;

namespace CampaignFlows.Durable.Runtime;

/// <summary>The kinds of durable action orchestrator code can take.</summary>
internal enum ActionKind
{
    Activity,
    Timer,
    SubOrchestration,
}

/// <summary>An action the code took: scheduled once, recorded in history, completed by a later event.</summary>
internal sealed class PendingAction(int id, ActionKind kind, string name)
{
    public int Id { get; } = id;
    public ActionKind Kind { get; } = kind;
    public string Name { get; } = name;
    public string? Input { get; init; }
    public TaskOptions? Options { get; init; }
    public int Attempt { get; init; } = 1;
    public DateTime FireAt { get; init; }
    public string? ChildInstanceId { get; init; }

    /// <summary>Completed with the result JSON, or failed with <see cref="TaskFailedException"/>.</summary>
    public TaskCompletionSource<string?> Completion { get; } = new();

    /// <summary>The history event that records this action's scheduling.</summary>
    public EventType ScheduledEventType => Kind switch
    {
        ActionKind.Activity => EventType.TaskScheduled,
        ActionKind.Timer => EventType.TimerCreated,
        _ => EventType.SubOrchestrationInstanceCreated,
    };

    public string Describe() => Kind == ActionKind.Timer ? $"{ScheduledEventType} (#{Id})" : $"{ScheduledEventType} '{Name}' (#{Id})";
}
