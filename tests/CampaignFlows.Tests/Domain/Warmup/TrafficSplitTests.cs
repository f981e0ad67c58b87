using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Warmup;

public sealed class TrafficSplitTests
{
    [Theory]
    [InlineData(1_000_000, 25, 250_000, 750_000)]
    [InlineData(1_000_000, 100, 1_000_000, 0)]
    [InlineData(10_000, 5, 500, 9_500)]
    [InlineData(999, 3.57, 35, 964)]
    [InlineData(0, 50, 0, 0)]
    public void For_VolumeAndPercent_SplitsLikeTheSeed(long volume, double percent, long dip, long shared)
    {
        var split = TrafficSplit.For(volume, (decimal)percent);

        Assert.Equal((dip, shared), (split.DedicatedIp, split.SharedPool));
    }

    [Fact]
    public void For_ManyInputs_PartsAddUpToVolume()
    {
        for (long volume = 0; volume < 5_000; volume += 37)
        {
            for (var percent = 0m; percent <= 100m; percent += 3.33m)
            {
                var split = TrafficSplit.For(volume, percent);
                Assert.Equal(volume, split.DedicatedIp + split.SharedPool);
                Assert.InRange(split.DedicatedIp, 0, volume);
            }
        }
    }

    [Fact]
    public void For_NegativeVolumeAndBadPercent_NamesBothFields()
    {
        var error = Assert.Throws<DomainValidationException>(() => TrafficSplit.For(-1, 101));

        Assert.Equal(["volume", "warmupPercent"], error.Errors.Select(e => e.Field));
    }
}
