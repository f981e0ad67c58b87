namespace CampaignFlows.Data.State;

/// <summary>The figures and decision of one warm-up day.</summary>
/// <param name="WarmupId">The warm-up (dedicated IP or pool).</param>
/// <param name="Day">The day number, from 1.</param>
/// <param name="Planned">The day's planned volume.</param>
/// <param name="Sent">What was actually sent.</param>
/// <param name="Dip">Sent through the dedicated IP.</param>
/// <param name="Shared">Sent through the shared pool.</param>
/// <param name="BounceRate">The day's bounce rate.</param>
/// <param name="ComplaintRate">The day's complaint rate.</param>
/// <param name="Decision">The gate's decision, e.g. <c>advance</c>, <c>hold</c>, <c>pause</c>.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="RecordedAt">When the decision was recorded.</param>
public sealed record WarmupDay(string WarmupId, int Day, long Planned, long Sent, long Dip, long Shared, double BounceRate, double ComplaintRate, string Decision, string? Reason, DateTimeOffset RecordedAt);
