namespace CampaignFlows.Domain;

/// <summary>Places a warm-up on the calendar so the IP is warm for a sale.</summary>
/// <remarks>
/// When the sale is at least four weeks away the plan starts at the latest start (four weeks before the
/// sale). When it is closer, the answer is the shortest safe plan: the same 28-day ramp started now, never
/// compressed, because growing a cold IP faster is exactly what gets it throttled, junked or blocklisted. The
/// schedule then carries a warning with how warm the IP will be when the sale starts; the sale's volume above
/// the IP's share (<see cref="TrafficSplit"/>) goes through the shared pool. A sale that is not in the future is
/// refused.
/// </remarks>
public static class SaleWarmupPlanner
{
    /// <summary>Schedules a warm-up toward <paramref name="targetDailyVolume"/> for a sale.</summary>
    /// <param name="targetDailyVolume">The sale-day volume the IP should carry.</param>
    /// <param name="saleAt">When the sale's sending starts.</param>
    /// <param name="now">The current time.</param>
    /// <exception cref="DomainValidationException">The target is too small or the sale is not in the future.</exception>
    public static SaleWarmupSchedule Schedule(long targetDailyVolume, DateTimeOffset saleAt, DateTimeOffset now)
    {
        if (saleAt <= now)
        {
            throw new DomainValidationException("saleDate", $"must be in the future (was {saleAt:u}, now is {now:u}).");
        }

        var plan = WarmupPlan.ForTarget(targetDailyVolume);
        var latest = WarmupTimeline.LatestStart(saleAt);
        if (latest >= now)
        {
            return new SaleWarmupSchedule(plan, latest, saleAt, 100m, StandardWarmupRamp.PlanDays, null);
        }

        var lead = saleAt - now;
        var percent = WarmupTimeline.PercentAt(now + WarmupTimeline.Duration, saleAt);
        var day = Math.Min((int)Math.Floor(lead.TotalDays) + 1, StandardWarmupRamp.PlanDays);
        var warning =
            $"The sale is {lead.TotalDays:0.#} days away, less than the four weeks a warm-up needs. Starting now, " +
            $"the IP is {percent:0.##}% warm and on plan day {day} ({plan.Day(day).Volume:N0} mails a day) when the " +
            "sale starts; send the rest of the sale's volume through the shared pool. The ramp is not compressed " +
            "because a faster ramp is what gets a cold IP throttled or blocklisted.";
        return new SaleWarmupSchedule(plan, now, saleAt, percent, day, warning);
    }
}
