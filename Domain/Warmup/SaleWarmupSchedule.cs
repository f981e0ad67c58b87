namespace CampaignFlows.Domain;

/// <summary>A warm-up plan placed on the calendar before a sale.</summary>
/// <param name="Plan">The 28-day plan.</param>
/// <param name="StartAt">When day 1 starts.</param>
/// <param name="SaleAt">When the sale's sending starts.</param>
/// <param name="PercentAtSale">How warm the IP is when the sale starts (100 when the full plan fits).</param>
/// <param name="PlanDayAtSale">The plan day running when the sale starts; 28 when the full plan fits.</param>
/// <param name="Warning">Why the plan does not finish before the sale, or null when it does.</param>
public sealed record SaleWarmupSchedule(
    WarmupPlan Plan,
    DateTimeOffset StartAt,
    DateTimeOffset SaleAt,
    decimal PercentAtSale,
    int PlanDayAtSale,
    string? Warning)
{
    /// <summary>When the given plan day starts.</summary>
    /// <param name="day">1-based plan day.</param>
    public DateTimeOffset DayStartsAt(int day) => StartAt + TimeSpan.FromDays(Plan.Day(day).Day - 1);
}
