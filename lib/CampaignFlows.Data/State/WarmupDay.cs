namespace CampaignFlows.Data.State;

/// <summary>The figures and decision of one warm-up day.</summary>
/// <param name="WarmupId">The warm-up (dedicated IP or pool).</param>
/// <param name="Day">The calendar day of the warm-up, from 1; held days count.</param>
/// <param name="Planned">The day's planned volume.</param>
/// <param name="Sent">What was actually sent.</param>
/// <param name="Dip">Sent through the dedicated IP.</param>
/// <param name="Shared">Sent through the shared pool.</param>
/// <param name="BounceRate">The day's bounce rate.</param>
/// <param name="ComplaintRate">The day's complaint rate.</param>
/// <param name="Decision">The gate's decision, e.g. <c>advance</c>, <c>hold</c>, <c>pause</c>.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="RecordedAt">When the decision was recorded.</param>
/// <param name="PlanDay">The plan day sent that day, from 1 (a held day repeats it); null only for days logged before the column existed without a readable reason.</param>
public sealed record WarmupDay(string WarmupId, int Day, long Planned, long Sent, long Dip, long Shared, double BounceRate, double ComplaintRate, string Decision, string? Reason, DateTimeOffset RecordedAt, int? PlanDay = null);
