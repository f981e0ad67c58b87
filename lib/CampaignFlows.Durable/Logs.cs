using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable;

/// <summary>Every log message of the engine, in one place.</summary>
internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Information, "Durable engine started: hub {HubName}, store {StoreType}, host {Owner}")]
    public static partial void EngineStarted(this ILogger logger, string hubName, string storeType, string owner);

    [LoggerMessage(2, LogLevel.Information, "Durable engine stopped; {Released} in-flight activities released")]
    public static partial void EngineStopped(this ILogger logger, int released);

    [LoggerMessage(3, LogLevel.Warning, "Orchestration {InstanceId} ({Name}) failed: {Reason}")]
    public static partial void OrchestrationFailed(this ILogger logger, string instanceId, string name, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Checkpoint of {InstanceId} discarded: its lease was lost to another host")]
    public static partial void CheckpointLeaseLost(this ILogger logger, string instanceId);

    [LoggerMessage(5, LogLevel.Warning, "Result of activity {Name} #{TaskId} for {InstanceId} discarded: its lease was lost")]
    public static partial void ActivityLeaseLost(this ILogger logger, string name, int taskId, string instanceId);

    [LoggerMessage(41, LogLevel.Warning, "Activity {Name} #{TaskId} for {InstanceId} cancelled: its lease could not be renewed and is about to lapse")]
    public static partial void ActivityLeaseUnconfirmed(this ILogger logger, string name, int taskId, string instanceId);

    [LoggerMessage(6, LogLevel.Information, "Activity {Name} for {InstanceId} throttled ({Reason}); re-queued without spending an attempt")]
    public static partial void ActivityThrottled(this ILogger logger, string name, string instanceId, string reason);

    [LoggerMessage(7, LogLevel.Error, "The {Loop} loop failed; retrying")]
    public static partial void LoopFailed(this ILogger logger, string loop, Exception exception);

    [LoggerMessage(8, LogLevel.Debug, "Activity {Name} #{TaskId} for {InstanceId} failed on attempt {Attempt}")]
    public static partial void ActivityFailed(this ILogger logger, string name, int taskId, string instanceId, int attempt, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Released {Count} leases left by a dead earlier process of host {HostId}; its work resumes now")]
    public static partial void LeasesOfDeadPredecessorReleased(this ILogger logger, int count, string hostId);

    [LoggerMessage(40, LogLevel.Warning, "SQLite store waited {Seconds:F1} s for the database's write lock: busy, another process holds the file (work resumes once it lets go)")]
    public static partial void SqliteLockWaited(this ILogger logger, double seconds);
}
