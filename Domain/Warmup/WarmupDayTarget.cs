namespace CampaignFlows.Domain;

/// <summary>What one warm-up day sends: the volume, how it splits between the IP and the shared pool, and to whom.</summary>
/// <param name="Day">The plan day.</param>
/// <param name="Volume">The day's volume from the plan.</param>
/// <param name="WarmupPercent">The warm-up percentage used: SES's in "ses-auto" mode, else the plan timeline's.</param>
/// <param name="Split">Volume × percentage through the dedicated IP, the rest through the shared pool.</param>
/// <param name="Tier">The engagement tier the day's audience is drawn from.</param>
public sealed record WarmupDayTarget(int Day, long Volume, decimal WarmupPercent, TrafficSplit Split, EngagementTier Tier)
{
    /// <summary>The target for a plan day.</summary>
    /// <param name="plan">The warm-up plan.</param>
    /// <param name="day">The plan day, 1 to 28.</param>
    /// <param name="sesWarmupPercent">GetDedicatedIp's WarmupPercentage in "ses-auto" mode; null in "plan" mode.</param>
    /// <exception cref="DomainValidationException">A day outside the plan or a percentage outside 0 to 100.</exception>
    public static WarmupDayTarget For(WarmupPlan plan, int day, decimal? sesWarmupPercent = null)
    {
        var planned = plan.Day(day);
        var percent = sesWarmupPercent ?? planned.WarmupPercent;
        return new WarmupDayTarget(day, planned.Volume, percent, TrafficSplit.For(planned.Volume, percent), EngagementTier.ForWarmupPercent(percent));
    }
}
