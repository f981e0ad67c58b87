namespace CampaignFlows.Domain;

/// <summary>One day of a capacity schedule.</summary>
/// <param name="StartsAt">When the day starts.</param>
/// <param name="Phase">Warm-up or campaign.</param>
/// <param name="Volume">Mails planned that day (on a warm-up day, the dedicated IPs' volume).</param>
/// <param name="WarmupPercent">How warm the dedicated IPs are by the end of the day; 100 on campaign days.</param>
public sealed record ScheduleDay(DateTimeOffset StartsAt, SchedulePhase Phase, long Volume, decimal WarmupPercent);
