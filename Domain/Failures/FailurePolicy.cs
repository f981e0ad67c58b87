namespace CampaignFlows.Domain;

/// <summary>The response to each kind of send failure, as one table.</summary>
/// <remarks>
/// Throttles are the account's rate talking, not a fault of the mail: they retry without spending an attempt
/// and lower the rate for a while. Quota, pause and suspension failures are the account's state: its breaker
/// opens and another account carrying the stream takes the mail, without spending attempts. Transient errors
/// retry with backoff and count toward the error rate. Permanent errors are never retried: the entries fail
/// and go to the dead-letter queue with their reason.
/// </remarks>
public static class FailurePolicy
{
    /// <summary>The response for a failure kind.</summary>
    /// <param name="kind">The failure kind.</param>
    /// <exception cref="DomainValidationException">A value outside the enum.</exception>
    public static FailureResponse For(SendFailureKind kind) => kind switch
    {
        SendFailureKind.Throttled => new(kind, Retry: true, SpendsAttempt: false, Backoff: false, LowerRateLimit: true, Trip: null,
            FailOver: false, Alert: false, CountsAsError: false, DeadLetter: false,
            "Retry later without spending an attempt; lower the account's rate for a while."),
        SendFailureKind.QuotaExceeded => new(kind, Retry: true, SpendsAttempt: false, Backoff: false, LowerRateLimit: false, Trip: BreakerTrip.QuotaExhausted,
            FailOver: true, Alert: false, CountsAsError: false, DeadLetter: false,
            "Stop the account until its 24-hour quota frees; fail over to another account carrying the stream."),
        SendFailureKind.AccountPaused => new(kind, Retry: true, SpendsAttempt: false, Backoff: false, LowerRateLimit: false, Trip: BreakerTrip.Paused,
            FailOver: true, Alert: true, CountsAsError: false, DeadLetter: false,
            "Open the account's circuit breaker, fail over and alert: SES paused sending."),
        SendFailureKind.AccountSuspended => new(kind, Retry: true, SpendsAttempt: false, Backoff: false, LowerRateLimit: false, Trip: BreakerTrip.Suspended,
            FailOver: true, Alert: true, CountsAsError: false, DeadLetter: false,
            "Open the account's circuit breaker, fail over and alert: SES suspended the account."),
        SendFailureKind.Transient => new(kind, Retry: true, SpendsAttempt: true, Backoff: true, LowerRateLimit: false, Trip: null,
            FailOver: false, Alert: false, CountsAsError: true, DeadLetter: false,
            "Retry with backoff; the error rate decides whether to switch account or region."),
        SendFailureKind.Permanent => new(kind, Retry: false, SpendsAttempt: true, Backoff: false, LowerRateLimit: false, Trip: null,
            FailOver: false, Alert: false, CountsAsError: false, DeadLetter: true,
            "Fail the entries and dead-letter them with the reason; never retry."),
        _ => throw new DomainValidationException("kind", $"is not a known send failure kind ({(int)kind})."),
    };
}
