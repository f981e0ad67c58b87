using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Warmup;

public sealed class SaleWarmupPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Schedule_SaleSixWeeksAway_StartsAtLatestStartWithoutWarning()
    {
        var sale = Now.AddDays(42);

        var schedule = SaleWarmupPlanner.Schedule(1_000_000, sale, Now);

        Assert.Equal(sale.AddDays(-28), schedule.StartAt);
        Assert.Null(schedule.Warning);
        Assert.Equal(100m, schedule.PercentAtSale);
        Assert.Equal(28, schedule.PlanDayAtSale);
        Assert.Equal(sale.AddDays(-1), schedule.DayStartsAt(28));
    }

    [Fact]
    public void Schedule_SaleExactlyFourWeeksAway_StartsNow()
    {
        var schedule = SaleWarmupPlanner.Schedule(1_000_000, Now.AddDays(28), Now);

        Assert.Equal(Now, schedule.StartAt);
        Assert.Null(schedule.Warning);
    }

    [Fact]
    public void Schedule_SaleTenDaysAway_StartsNowWithFullRampAndWarning()
    {
        var schedule = SaleWarmupPlanner.Schedule(1_000_000, Now.AddDays(10), Now);

        Assert.Equal(Now, schedule.StartAt);
        Assert.Equal(35.71m, schedule.PercentAtSale);
        Assert.Equal(11, schedule.PlanDayAtSale);
        Assert.Equal(28, schedule.Plan.Days.Count);
        Assert.NotNull(schedule.Warning);
        Assert.Contains("35.71%", schedule.Warning);
        Assert.Contains("shared pool", schedule.Warning);
    }

    [Fact]
    public void Schedule_SaleInThePast_RefusesNamingSaleDate()
    {
        var error = Assert.Throws<DomainValidationException>(() => SaleWarmupPlanner.Schedule(1_000_000, Now.AddHours(-1), Now));

        Assert.Equal("saleDate", error.Errors.Single().Field);
    }

    [Fact]
    public void Schedule_TargetBelowDay1_Refuses()
    {
        var error = Assert.Throws<DomainValidationException>(() => SaleWarmupPlanner.Schedule(100, Now.AddDays(40), Now));

        Assert.Equal("targetDailyVolume", error.Errors.Single().Field);
    }
}
