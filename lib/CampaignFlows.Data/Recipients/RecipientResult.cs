namespace CampaignFlows.Data.Recipients;

/// <summary>What happened to one claimed recipient.</summary>
public enum SendOutcome
{
    /// <summary>SES accepted it (message id required).</summary>
    Sent,
    /// <summary>SES refused it permanently (reason required).</summary>
    Failed,
    /// <summary>It went to the dead-letter queue (reason required).</summary>
    DeadLettered,
    /// <summary>Throttled: back to queued in the same batch, the attempt refunded.</summary>
    Throttled,
}

/// <summary>One per-recipient result of a send attempt.</summary>
/// <param name="NormalizedAddress">The recipient's key, as returned by the claim.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="MessageId">SES's message id, for <see cref="SendOutcome.Sent"/>.</param>
/// <param name="Account">The account (or region) that took the attempt.</param>
/// <param name="Reason">Why, for failures, dead letters and throttles.</param>
public sealed record RecipientResult(string NormalizedAddress, SendOutcome Outcome, string? MessageId = null, string? Account = null, string? Reason = null);

/// <summary>What recording a set of results did.</summary>
/// <param name="Recorded">Results applied.</param>
/// <param name="Stale">Results ignored because the recipient was no longer sending under the given token
/// (already recorded, or the batch was taken over after the lease ran out).</param>
public sealed record RecordOutcome(int Recorded, int Stale);
