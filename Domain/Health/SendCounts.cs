namespace CampaignFlows.Domain;

/// <summary>Counts of sending outcomes over some span of time.</summary>
/// <param name="Attempts">Entries handed to SES.</param>
/// <param name="Sent">Entries SES accepted.</param>
/// <param name="Errors">Entries that failed to send (throttles excluded: they are retried, not errors).</param>
/// <param name="Bounces">Bounces reported by the event feed.</param>
/// <param name="Complaints">Complaints reported by the event feed.</param>
public readonly record struct SendCounts(long Attempts, long Sent, long Errors, long Bounces, long Complaints)
{
    /// <summary>No outcomes.</summary>
    public static SendCounts Zero => default;

    /// <summary>Bounces ÷ sent; 0 when nothing was sent.</summary>
    public decimal BounceRate => Sent == 0 ? 0m : (decimal)Bounces / Sent;

    /// <summary>Complaints ÷ sent; 0 when nothing was sent.</summary>
    public decimal ComplaintRate => Sent == 0 ? 0m : (decimal)Complaints / Sent;

    /// <summary>Errors ÷ attempts; 0 when nothing was attempted.</summary>
    public decimal ErrorRate => Attempts == 0 ? 0m : (decimal)Errors / Attempts;

    /// <summary>Adds two sets of counts.</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    public static SendCounts operator +(SendCounts left, SendCounts right) => new(
        left.Attempts + right.Attempts,
        left.Sent + right.Sent,
        left.Errors + right.Errors,
        left.Bounces + right.Bounces,
        left.Complaints + right.Complaints);
}
