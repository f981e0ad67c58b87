using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Warmup;

public sealed class EngagementTierTests
{
    [Theory]
    [InlineData(0, 80)]
    [InlineData(24.99, 80)]
    [InlineData(25, 50)]
    [InlineData(49.99, 50)]
    [InlineData(50, 30)]
    [InlineData(74.99, 30)]
    public void ForWarmupPercent_BelowThreshold_RequiresScoreAbove(double percent, int floor)
    {
        Assert.Equal(floor, EngagementTier.ForWarmupPercent((decimal)percent).ScoreAbove);
    }

    [Theory]
    [InlineData(75)]
    [InlineData(100)]
    public void ForWarmupPercent_From75_AdmitsEveryone(int percent)
    {
        var tier = EngagementTier.ForWarmupPercent(percent);

        Assert.Null(tier.ScoreAbove);
        Assert.True(tier.Admits(null));
        Assert.True(tier.Admits(0));
    }

    [Fact]
    public void Admits_EveryScoreAtEveryPercent_MatchesSeedRule()
    {
        for (var percent = 0m; percent <= 100m; percent += 0.5m)
        {
            var tier = EngagementTier.ForWarmupPercent(percent);
            for (var score = 0; score <= 100; score++)
            {
                var expected = percent < 25 ? score > 80 : percent < 50 ? score > 50 : percent < 75 ? score > 30 : true;
                Assert.Equal(expected, tier.Admits(score));
            }
        }
    }

    [Fact]
    public void Admits_UnknownScoreWhileWarming_Refuses()
    {
        Assert.False(EngagementTier.ForWarmupPercent(60).Admits(null));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void ForWarmupPercent_OutOfRange_Refuses(double percent)
    {
        var error = Assert.Throws<DomainValidationException>(() => EngagementTier.ForWarmupPercent((decimal)percent));

        Assert.Equal("warmupPercent", error.Errors.Single().Field);
    }
}
