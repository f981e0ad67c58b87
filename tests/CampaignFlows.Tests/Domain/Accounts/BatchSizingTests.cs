using CampaignFlows.Domain.Accounts;

namespace CampaignFlows.Tests.Domain.Accounts;

public sealed class BatchSizingTests
{
    [Theory]
    [InlineData(50, null, 50)]
    [InlineData(0, null, 50)]
    [InlineData(20, null, 20)]
    [InlineData(50, 1000.0, 50)]
    [InlineData(50, 14.0, 14)]
    [InlineData(50, 14.9, 14)]
    [InlineData(50, 1.0, 1)]
    [InlineData(50, 0.5, 1)]
    [InlineData(10, 14.0, 10)]
    [InlineData(99, 75.0, 50)]
    public void Fit_ConfiguredSizeAndRate_NeverExceedsEither(int configured, double? rate, int expected) =>
        Assert.Equal(expected, BatchSizing.Fit(configured, rate));

    [Theory]
    [InlineData(null, 50, 40)]
    [InlineData(10_000L, 50, 40)]
    [InlineData(400L, 50, 8)]
    [InlineData(420L, 50, 8)]
    [InlineData(30L, 30, 1)]
    [InlineData(0L, 1, 1)]
    public void ForWave_QuotaLeft_PlansNoMoreThanTheQuotaAllows(long? quotaLeft, int size, int batches) =>
        Assert.Equal((size, batches), BatchSizing.ForWave(50, 40, 1_000, quotaLeft));

    [Theory]
    [InlineData(500.0, 10.0, 200, 50, 100)]
    [InlineData(500.0, 10.0, 40, 50, 40)]
    [InlineData(14.0, 10.0, 200, 14, 10)]
    [InlineData(1.0, 10.0, 200, 1, 10)]
    [InlineData(0.5, 10.0, 200, 1, 5)]
    [InlineData(100_000.0, 10.0, 200, 50, 200)]
    [InlineData(500.0, 0.0, 200, 50, 200)]
    [InlineData(null, 10.0, 200, 50, 200)]
    [InlineData(75.0, 1.0, 200, 50, 2)]
    public void ForWave_WaveSeconds_LastsThatLongAtTheRateUpToTheBatchCap(double? rate, double seconds, int cap, int size, int batches) =>
        Assert.Equal((size, batches), BatchSizing.ForWave(50, cap, rate, null, seconds));

    [Fact]
    public void ForWave_WaveSecondsAndQuota_TheQuotaStillBounds() =>
        Assert.Equal((50, 6), BatchSizing.ForWave(50, 200, 500, 300, 10));
}
