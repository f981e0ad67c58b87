namespace CampaignFlows.Domain;

/// <summary>The warm-up percentage timeline toward a sale: 0 → 25 → 50 → 75 → 100% over the last four weeks.</summary>
/// <remarks>
/// Four weeks before the sale the IP is 0% warm; it gains 25% a week, linearly within each week, and is 100%
/// warm when the sale starts. Plan day <c>d</c> of 28 therefore ends at <c>d / 28</c>: day 7 at 25%, day 14 at
/// 50%, day 21 at 75%, day 28 at 100%. Percentages are rounded to two decimals. Pure: time is passed in.
/// </remarks>
public static class WarmupTimeline
{
    /// <summary>How long a full warm-up takes.</summary>
    public static TimeSpan Duration { get; } = TimeSpan.FromDays(StandardWarmupRamp.PlanDays);

    /// <summary>The latest moment a full warm-up can start and still be 100% warm at the sale.</summary>
    /// <param name="saleAt">When the sale's sending starts.</param>
    public static DateTimeOffset LatestStart(DateTimeOffset saleAt) => saleAt - Duration;

    /// <summary>How warm the IP should be at <paramref name="now"/> for a sale at <paramref name="saleAt"/>.</summary>
    /// <param name="saleAt">When the sale's sending starts.</param>
    /// <param name="now">The moment asked about.</param>
    /// <returns>0 before the warm-up window, 100 from the sale on.</returns>
    public static decimal PercentAt(DateTimeOffset saleAt, DateTimeOffset now)
    {
        var elapsed = now - LatestStart(saleAt);
        if (elapsed <= TimeSpan.Zero)
        {
            return 0m;
        }

        return elapsed >= Duration ? 100m : Percent(elapsed.Ticks, Duration.Ticks);
    }

    /// <summary>The percentage reached at the end of a plan day.</summary>
    /// <param name="day">1-based day.</param>
    /// <param name="planDays">Days in the plan.</param>
    public static decimal PercentAfterDay(int day, int planDays) =>
        Percent(Math.Clamp(day, 0, planDays), planDays);

    private static decimal Percent(long part, long whole) => Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);
}
