namespace CampaignFlows.Durable;

/// <summary>The runtime status of an orchestration instance, as Durable Functions reports it.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Scheduled but not yet started by a worker.</summary>
    Pending,
    /// <summary>Started and not yet finished.</summary>
    Running,
    /// <summary>Finished with an output.</summary>
    Completed,
    /// <summary>Internal: the instance restarted itself with new input; observers see it as running.</summary>
    ContinuedAsNew,
    /// <summary>Finished with an unhandled failure.</summary>
    Failed,
    /// <summary>Stopped by a terminate request.</summary>
    Terminated,
    /// <summary>Paused by a suspend request; events are kept until resumed.</summary>
    Suspended,
}

/// <summary>Helpers over <see cref="OrchestrationRuntimeStatus"/>.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True for Completed, Failed and Terminated: the instance will never run again.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
