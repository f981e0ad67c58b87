namespace CampaignFlows.Durable;

/// <summary>How a failed activity or sub-orchestration is retried: declared, never hand-written as a loop.</summary>
/// <remarks>Retries are durable: the waits between attempts are durable timers, so they survive restarts.</remarks>
public sealed record RetryPolicy
{
    /// <summary>Creates a retry policy.</summary>
    /// <param name="maxNumberOfAttempts">Attempts in all, including the first; at least 1.</param>
    /// <param name="firstRetryInterval">Wait before the second attempt; greater than zero.</param>
    /// <param name="backoffCoefficient">Each wait is the previous one times this; at least 1.</param>
    /// <param name="maxRetryInterval">The longest single wait; unbounded when null.</param>
    /// <param name="retryTimeout">Stop retrying once this long has passed since the first attempt; unbounded when null.</param>
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval;
        RetryTimeout = retryTimeout;
    }

    /// <summary>Attempts in all, including the first.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>Wait before the second attempt.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Multiplier applied to each successive wait.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>The longest single wait, or null for no cap.</summary>
    public TimeSpan? MaxRetryInterval { get; }

    /// <summary>Overall retry budget measured from the first attempt, or null for none.</summary>
    public TimeSpan? RetryTimeout { get; }

    /// <summary>Decides from the failure whether another attempt is worth it; all failures are retried when null.</summary>
    /// <remarks>Must be deterministic: it runs inside the orchestration during replay.</remarks>
    public Func<TaskFailureDetails, bool>? HandleFailure { get; init; }

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var delay = FirstRetryInterval.TotalMilliseconds * Math.Pow(BackoffCoefficient, Math.Max(0, nextAttempt - 2));
        if (MaxRetryInterval is { } max) delay = Math.Min(delay, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Min(delay, TimeSpan.MaxValue.TotalMilliseconds / 2));
    }
}
