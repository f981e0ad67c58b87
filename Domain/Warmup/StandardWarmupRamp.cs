namespace CampaignFlows.Domain;

/// <summary>The standard four-week dedicated-IP ramp, as absolute daily volumes for its first three weeks.</summary>
/// <remarks>
/// The user's table gives each week's first and last day and a figure it calls "cumulative"; those figures
/// (7,000 / 87,500 / 525,000) are the totals of each week on its own, not running sums, and the days below
/// add up to them exactly: week 1 500 → 2,000 (7,000), week 2 5,000 → 20,000 (87,500), week 3
/// 50,000 → 100,000 (525,000). Week 4 runs from <see cref="Week4Start"/> to the target and is computed by
/// <see cref="WarmupPlan"/>.
/// </remarks>
public static class StandardWarmupRamp
{
    /// <summary>Days in the plan: four weeks.</summary>
    public const int PlanDays = 28;

    /// <summary>Days in a week of the plan.</summary>
    public const int DaysPerWeek = 7;

    /// <summary>Day 1's volume: the smallest target a plan accepts.</summary>
    public const long FirstDayVolume = 500;

    /// <summary>Week 4's first-day volume when the target is at least this large.</summary>
    public const long Week4Start = 200_000;

    /// <summary>Days 1 to 21: week 1 slow and convex (ISPs judge a new IP hardest), weeks 2 and 3 near linear.</summary>
    public static IReadOnlyList<long> FirstThreeWeeks { get; } =
    [
        500, 600, 700, 800, 1_000, 1_400, 2_000,
        5_000, 7_500, 10_000, 12_500, 15_000, 17_500, 20_000,
        50_000, 55_000, 65_000, 75_000, 85_000, 95_000, 100_000,
    ];
}
