namespace CampaignFlows.Campaigns;

/// <summary>The output of <c>CampaignOrchestrator</c>: where every row of the audience ended up.</summary>
/// <remarks>Every unique valid recipient is in exactly one of sent, suppressed, blocked, failed and dead-lettered.</remarks>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Status">completed, cancelled or paused-for-good (failed over to nothing).</param>
/// <param name="Reason">Why it ended as it did, for anything but a plain completion.</param>
/// <param name="Audience">Rows read from the audience.</param>
/// <param name="Unique">Distinct addresses among them.</param>
/// <param name="Duplicates">Rows that repeated an address.</param>
/// <param name="Rejected">Rows refused (invalid address, missing template data).</param>
/// <param name="Suppressed">Addresses on the suppression list.</param>
/// <param name="Blocked">Addresses excluded by policy (blocked template, unverified, cancelled).</param>
/// <param name="Sent">Accepted by SES.</param>
/// <param name="Failed">Refused by SES for good.</param>
/// <param name="DeadLettered">Sent to the dead-letter queue because no account could take them.</param>
/// <param name="Bounced">Sent, then bounced (from the event feed).</param>
/// <param name="Complained">Sent, then complained about (from the event feed).</param>
/// <param name="Throttles">Times SES or the flow controls throttled a batch.</param>
/// <param name="AchievedRate">Sent per second from the start of sending to the report, with the last second counted whole: SES's
/// one-second window lets a sender at the limit put its first second's worth out at once, so sent over elapsed alone can
/// read above the limit it kept to.</param>
public sealed record CampaignReport(
    string CampaignId,
    string Status,
    string? Reason,
    long Audience,
    long Unique,
    long Duplicates,
    long Rejected,
    long Suppressed,
    long Blocked,
    long Sent,
    long Failed,
    long DeadLettered,
    long Bounced,
    long Complained,
    long Throttles,
    double AchievedRate);
