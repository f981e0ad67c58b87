namespace CampaignFlows.Domain;

/// <summary>One day of a warm-up plan.</summary>
/// <param name="Day">1-based day number.</param>
/// <param name="Volume">Mails the dedicated IP may send that day.</param>
/// <param name="WarmupPercent">How warm the IP is by the end of the day on the 0 → 100% timeline.</param>
public sealed record WarmupPlanDay(int Day, long Volume, decimal WarmupPercent)
{
    /// <summary>The plan week (1-based) the day falls in.</summary>
    public int Week => ((Day - 1) / StandardWarmupRamp.DaysPerWeek) + 1;

    /// <summary>The audience tier the day sends to, chosen from <see cref="WarmupPercent"/>.</summary>
    public EngagementTier Tier => EngagementTier.ForWarmupPercent(WarmupPercent);
}
