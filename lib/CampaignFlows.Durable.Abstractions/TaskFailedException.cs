namespace CampaignFlows.Durable;

/// <summary>Thrown inside an orchestration when an activity or sub-orchestration it awaited failed for good (retries exhausted).</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception for a failed task.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}")
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>The name of the activity or sub-orchestration that failed.</summary>
    public string TaskName { get; }

    /// <summary>The task's sequence number in the orchestration's history.</summary>
    public int TaskId { get; }

    /// <summary>What went wrong, including inner failures.</summary>
    public TaskFailureDetails FailureDetails { get; }
}

/// <summary>
/// Thrown by an activity to say "the downstream service throttled me, run me again later".
/// The work item is re-queued without spending a retry attempt, and the rate of every rate-limit key the
/// activity was dispatched under is lowered for a while, then climbs back additively.
/// </summary>
public sealed class ActivityThrottledException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What throttled, for logs.</param>
    /// <param name="retryAfter">How long to wait at least before the next attempt; the engine picks a short back-off when null.</param>
    public ActivityThrottledException(string reason, TimeSpan? retryAfter = null) : base(reason) => RetryAfter = retryAfter;

    /// <summary>How long to wait at least before the next attempt.</summary>
    public TimeSpan? RetryAfter { get; }
}
