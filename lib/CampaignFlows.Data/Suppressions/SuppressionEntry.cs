namespace CampaignFlows.Data.Suppressions;

/// <summary>Why an address must not be mailed.</summary>
public enum SuppressionReason
{
    /// <summary>A permanent bounce.</summary>
    HardBounce,
    /// <summary>The recipient reported mail as spam.</summary>
    Complaint,
    /// <summary>An operator added it (unsubscribe, legal request, ...).</summary>
    Manual,
}

/// <summary>One address on the suppression list.</summary>
/// <param name="Address">The normalised address (the same key the recipients use).</param>
/// <param name="Reason">Why it is suppressed.</param>
/// <param name="Source">Where the entry came from, e.g. a campaign id, <c>ses-feedback</c> or an operator name.</param>
/// <param name="At">When it was added.</param>
public sealed record SuppressionEntry(string Address, SuppressionReason Reason, string Source, DateTimeOffset At);

/// <summary>One page of the suppression list in address order.</summary>
/// <param name="Entries">The entries on this page.</param>
/// <param name="NextAfter">The address to pass as <c>after</c> for the next page, or null on the last page.</param>
public sealed record SuppressionPage(IReadOnlyList<SuppressionEntry> Entries, string? NextAfter);
