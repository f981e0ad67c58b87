using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Warmup;

public sealed class WarmupDayTargetTests
{
    private static readonly WarmupPlan Plan = WarmupPlan.ForTarget(1_000_000);

    [Fact]
    public void For_PlanModeDay14_UsesTimelinePercent()
    {
        var target = WarmupDayTarget.For(Plan, 14);

        Assert.Equal((20_000L, 50m), (target.Volume, target.WarmupPercent));
        Assert.Equal((10_000L, 10_000L), (target.Split.DedicatedIp, target.Split.SharedPool));
        Assert.Equal(30, target.Tier.ScoreAbove);
    }

    [Fact]
    public void For_SesAutoMode_UsesSesPercent()
    {
        var target = WarmupDayTarget.For(Plan, 28, sesWarmupPercent: 40m);

        Assert.Equal(400_000, target.Split.DedicatedIp);
        Assert.Equal(600_000, target.Split.SharedPool);
        Assert.Equal(50, target.Tier.ScoreAbove);
    }

    [Fact]
    public void For_EveryDay_SplitAddsUpAndTiersNeverTighten()
    {
        int? previousFloor = int.MaxValue;
        for (var day = 1; day <= 28; day++)
        {
            var target = WarmupDayTarget.For(Plan, day);
            Assert.Equal(target.Volume, target.Split.DedicatedIp + target.Split.SharedPool);
            var floor = target.Tier.ScoreAbove ?? -1;
            Assert.True(floor <= previousFloor, $"day {day} admits fewer recipients than the day before");
            previousFloor = floor;
        }
    }

    [Fact]
    public void For_BadDayOrPercent_Refuses()
    {
        Assert.Throws<DomainValidationException>(() => WarmupDayTarget.For(Plan, 29));
        Assert.Throws<DomainValidationException>(() => WarmupDayTarget.For(Plan, 1, 120m));
    }
}
