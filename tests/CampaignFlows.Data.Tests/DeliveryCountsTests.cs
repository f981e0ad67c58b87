using CampaignFlows.Data.Statistics;

namespace CampaignFlows.Data.Tests;

public sealed class DeliveryCountsTests
{
    [Fact]
    public void Rates_NothingSent_AreZero()
    {
        var counts = new DeliveryCounts(HardBounced: 3, Complained: 1);

        Assert.Equal((0d, 0d, 0d), (counts.BounceRate, counts.ComplaintRate, counts.ErrorRate));
    }

    [Fact]
    public void BounceRate_HardAndSoft_CountBoth()
    {
        var counts = new DeliveryCounts(Sent: 200, HardBounced: 6, SoftBounced: 4);

        Assert.Equal(0.05, counts.BounceRate, 9);
        Assert.Equal(0.03, counts.HardBounceRate, 9);
    }
}
