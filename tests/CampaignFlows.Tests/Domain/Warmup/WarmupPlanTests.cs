using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Warmup;

public sealed class WarmupPlanTests
{
    public static TheoryData<long> Targets() =>
    [
        500, 501, 750, 1_000, 2_000, 9_999, 10_000, 50_000, 99_999, 100_000, 150_000, 199_999,
        200_000, 200_001, 350_000, 999_999, 1_000_000, 1_000_001, 2_500_000, 10_000_000, 250_000_000,
    ];

    [Fact]
    public void ForTarget_OneMillion_WeekTotalsMatchStandardTable()
    {
        var plan = WarmupPlan.ForTarget(1_000_000);

        Assert.Equal(7_000, plan.WeekTotal(1));
        Assert.Equal(87_500, plan.WeekTotal(2));
        Assert.Equal(525_000, plan.WeekTotal(3));
    }

    [Fact]
    public void ForTarget_OneMillion_WeekBoundariesMatchStandardTable()
    {
        var plan = WarmupPlan.ForTarget(1_000_000);

        Assert.Equal([500L, 2_000, 5_000, 20_000, 50_000, 100_000, 200_000, 1_000_000],
            new[] { 1, 7, 8, 14, 15, 21, 22, 28 }.Select(d => plan.Day(d).Volume));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void ForTarget_AnyTarget_MonotoneAndReachesTargetOnDay28(long target)
    {
        var plan = WarmupPlan.ForTarget(target);

        Assert.Equal(28, plan.Days.Count);
        Assert.Equal(target, plan.Days[^1].Volume);
        Assert.Equal(500, plan.Days[0].Volume);
        for (var i = 1; i < plan.Days.Count; i++)
        {
            Assert.True(plan.Days[i].Volume >= plan.Days[i - 1].Volume, $"day {i + 1} falls below day {i} for target {target}");
            Assert.True(plan.Days[i].Volume <= target, $"day {i + 1} exceeds target {target}");
        }
    }

    [Fact]
    public void ForTarget_EveryTargetFrom500To300000_Monotone()
    {
        for (long target = 500; target <= 300_000; target += 997)
        {
            var volumes = WarmupPlan.ForTarget(target).Days.Select(d => d.Volume).ToArray();
            Assert.True(volumes.Zip(volumes.Skip(1)).All(p => p.First <= p.Second), $"not monotone for {target}");
            Assert.Equal(target, volumes[^1]);
        }
    }

    [Theory]
    [InlineData(200_000)]
    [InlineData(1_000_000)]
    [InlineData(5_000_000)]
    public void ForTarget_AtLeastWeek4Start_FirstThreeWeeksAreStandard(long target)
    {
        var plan = WarmupPlan.ForTarget(target);

        Assert.Equal(StandardWarmupRamp.FirstThreeWeeks, plan.Days.Take(21).Select(d => d.Volume));
        Assert.Equal(200_000, plan.Day(22).Volume);
    }

    [Fact]
    public void ForTarget_SmallTarget_ReachesTargetOnDay22AndHolds()
    {
        var plan = WarmupPlan.ForTarget(10_000);

        Assert.True(plan.Day(21).Volume < 10_000);
        Assert.All(plan.Days.Skip(21), d => Assert.Equal(10_000, d.Volume));
        Assert.Equal(1_000, plan.Day(7).Volume);
    }

    [Fact]
    public void ForTarget_Day1Volume_EveryDayIs500()
    {
        Assert.All(WarmupPlan.ForTarget(500).Days, d => Assert.Equal(500, d.Volume));
    }

    [Theory]
    [InlineData(499)]
    [InlineData(0)]
    [InlineData(-1)]
    public void ForTarget_BelowDay1Volume_RefusesNamingTheField(long target)
    {
        var error = Assert.Throws<DomainValidationException>(() => WarmupPlan.ForTarget(target));

        Assert.Equal("targetDailyVolume", error.Errors.Single().Field);
        Assert.Contains("500", error.Message);
    }

    [Fact]
    public void ForTarget_Days_CarryTimelinePercentAndWeek()
    {
        var plan = WarmupPlan.ForTarget(1_000_000);

        Assert.Equal([25m, 50m, 75m, 100m], new[] { 7, 14, 21, 28 }.Select(d => plan.Day(d).WarmupPercent));
        Assert.Equal([1, 1, 2, 4], new[] { 1, 7, 8, 28 }.Select(d => plan.Day(d).Week));
        Assert.True(plan.Days.Zip(plan.Days.Skip(1)).All(p => p.First.WarmupPercent < p.Second.WarmupPercent));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    public void Day_OutOfRange_Refuses(int day)
    {
        var error = Assert.Throws<DomainValidationException>(() => WarmupPlan.ForTarget(1_000_000).Day(day));

        Assert.Equal("day", error.Errors.Single().Field);
    }

    [Fact]
    public void WeekTotal_WeekFive_Refuses()
    {
        Assert.Throws<DomainValidationException>(() => WarmupPlan.ForTarget(1_000_000).WeekTotal(5));
    }
}
