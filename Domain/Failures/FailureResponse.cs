namespace CampaignFlows.Domain;

/// <summary>What to do about one kind of send failure.</summary>
/// <param name="Kind">The failure kind.</param>
/// <param name="Retry">Whether the entries are sent again (here later, or on another account).</param>
/// <param name="SpendsAttempt">Whether the retry counts against the entries' attempt budget.</param>
/// <param name="Backoff">Whether the retry waits with exponential backoff.</param>
/// <param name="LowerRateLimit">Whether the account's rate limit is lowered for a while.</param>
/// <param name="Trip">The account's breaker opens for this reason; null to leave it alone.</param>
/// <param name="FailOver">Whether another account carrying the stream takes over.</param>
/// <param name="Alert">Whether an operator is alerted.</param>
/// <param name="CountsAsError">Whether it counts toward the send error rate that switches account or region.</param>
/// <param name="DeadLetter">Whether the entries are failed and dead-lettered with the reason.</param>
/// <param name="Description">The response in one sentence.</param>
public sealed record FailureResponse(
    SendFailureKind Kind,
    bool Retry,
    bool SpendsAttempt,
    bool Backoff,
    bool LowerRateLimit,
    BreakerTrip? Trip,
    bool FailOver,
    bool Alert,
    bool CountsAsError,
    bool DeadLetter,
    string Description);
