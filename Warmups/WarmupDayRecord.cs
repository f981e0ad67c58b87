namespace CampaignFlows.Warmups;

/// <summary>One stepped day of a warm-up: what was planned and sent, how it went and what was decided.</summary>
/// <param name="Round">The warm-up's calendar day (held days count), 1-based.</param>
/// <param name="PlanDay">The plan day sent (1 to 28); a held day repeats it.</param>
/// <param name="Planned">The plan's volume for the day.</param>
/// <param name="WarmupPercent">How warm the IP was taken to be, which sized the dedicated share.</param>
/// <param name="MinEngagementScore">The audience tier: only scores above this; null for everyone.</param>
/// <param name="Dip">Mails asked of the dedicated IP.</param>
/// <param name="Shared">Mails asked of the shared pool.</param>
/// <param name="Sent">Mails SES accepted over both routes.</param>
/// <param name="Bounces">Bounces among them once the events settled.</param>
/// <param name="Complaints">Complaints among them once the events settled.</param>
/// <param name="BounceRate">Bounces ÷ sent.</param>
/// <param name="ComplaintRate">Complaints ÷ sent.</param>
/// <param name="Decision"><c>advance</c>, <c>hold</c> or <c>pause</c>.</param>
/// <param name="Reason">The gate's sentence for the operator.</param>
/// <param name="SteppedBy"><c>timer</c> (the daily-step event) or <c>fallback</c> (the 26 h durable timer).</param>
/// <param name="RecordedAt">When the decision was taken (orchestration time).</param>
public sealed record WarmupDayRecord(
    int Round,
    int PlanDay,
    long Planned,
    decimal WarmupPercent,
    int? MinEngagementScore,
    long Dip,
    long Shared,
    long Sent,
    long Bounces,
    long Complaints,
    decimal BounceRate,
    decimal ComplaintRate,
    string Decision,
    string Reason,
    string SteppedBy,
    DateTime RecordedAt);
