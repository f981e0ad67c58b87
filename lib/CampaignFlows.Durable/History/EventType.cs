namespace CampaignFlows.Durable.History;

/// <summary>History event kinds, named as Durable Task names them.</summary>
public enum EventType
{
    /// <summary>Marks the start of an episode; its timestamp is the episode's deterministic time.</summary>
    OrchestratorStarted,
    /// <summary>The instance (or a new generation after ContinueAsNew) started with its input.</summary>
    ExecutionStarted,
    /// <summary>The orchestration finished; see the event's status.</summary>
    ExecutionCompleted,
    /// <summary>A terminate request.</summary>
    ExecutionTerminated,
    /// <summary>A suspend request.</summary>
    ExecutionSuspended,
    /// <summary>A resume request.</summary>
    ExecutionResumed,
    /// <summary>The orchestration restarted itself with new input.</summary>
    ContinueAsNew,
    /// <summary>An activity was scheduled.</summary>
    TaskScheduled,
    /// <summary>An activity returned a result.</summary>
    TaskCompleted,
    /// <summary>An activity failed.</summary>
    TaskFailed,
    /// <summary>A sub-orchestration was started.</summary>
    SubOrchestrationInstanceCreated,
    /// <summary>A sub-orchestration completed.</summary>
    SubOrchestrationInstanceCompleted,
    /// <summary>A sub-orchestration failed.</summary>
    SubOrchestrationInstanceFailed,
    /// <summary>A durable timer was created.</summary>
    TimerCreated,
    /// <summary>A durable timer fired.</summary>
    TimerFired,
    /// <summary>An external event arrived.</summary>
    EventRaised,
}
