using Microsoft.Extensions.DependencyInjection;
using CampaignFlows.Data.Statistics;

namespace CampaignFlows.Data.Tests.Conformance;

public abstract partial class DataStoreConformance
{
    [Fact]
    public async Task WindowStatisticsSumTheBucketsInsideTheWindow()
    {
        var stats = Get<IDeliveryStatistics>();
        var campaign = StatsScope.Campaign("c1");
        var account = StatsScope.Account("primary");
        await stats.RecordAsync([campaign, account], new(Sent: 1000), T0);
        await stats.RecordAsync([campaign, account], new(Sent: 1000, SendErrors: 250), T0.AddMinutes(10));
        await stats.RecordAsync([campaign, account], new(HardBounced: 40, SoftBounced: 10, Complained: 2, Delivered: 900), T0.AddMinutes(10).AddSeconds(30));
        await stats.RecordAsync([StatsScope.Ip("198.51.100.7")], new(Sent: 5), T0.AddMinutes(10));

        var recent = await stats.GetWindowAsync(campaign, TimeSpan.FromMinutes(5), T0.AddMinutes(11));
        var all = await stats.GetWindowAsync(account, TimeSpan.FromHours(1), T0.AddMinutes(11));
        var later = await stats.GetWindowAsync(campaign, TimeSpan.FromMinutes(5), T0.AddMinutes(30));
        var series = await stats.GetSeriesAsync(account, T0, T0.AddHours(1));

        Assert.Equal(new DeliveryCounts(1000, 900, 40, 10, 2, 250), recent);
        Assert.Equal(0.05, recent.BounceRate, 6);
        Assert.Equal(0.002, recent.ComplaintRate, 6);
        Assert.Equal(0.2, recent.ErrorRate, 6);
        Assert.Equal(2000, all.Sent);
        Assert.True(later.IsEmpty);
        Assert.Equal([T0, T0.AddMinutes(10)], series.Select(b => b.Start));
        Assert.Equal(5, (await stats.GetWindowAsync(StatsScope.Ip("198.51.100.7"), TimeSpan.FromMinutes(1), T0.AddMinutes(10))).Sent);
    }

    [Fact]
    public async Task ManyEntriesAreSummedPerScopeInOneWrite()
    {
        var stats = Get<IDeliveryStatistics>();
        var campaign = StatsScope.Campaign("batched");
        var account = StatsScope.Account("batched-account");

        await stats.RecordAsync(
        [
            ([campaign, account], new DeliveryCounts(Delivered: 1)),
            ([campaign, account], new DeliveryCounts(HardBounced: 1)),
            ([campaign], new DeliveryCounts(Complained: 1)),
            ([account, account], new DeliveryCounts(Delivered: 1)),
            ([campaign], DeliveryCounts.None),
        ], T0);
        await stats.RecordAsync([], T0);

        Assert.Equal(new DeliveryCounts(Delivered: 1, HardBounced: 1, Complained: 1), await stats.GetWindowAsync(campaign, TimeSpan.FromMinutes(1), T0));
        Assert.Equal(new DeliveryCounts(Delivered: 2, HardBounced: 1), await stats.GetWindowAsync(account, TimeSpan.FromMinutes(1), T0));
        await Assert.ThrowsAsync<ArgumentException>(() => stats.RecordAsync([([campaign], new DeliveryCounts(Sent: -1))], T0));
    }

    [Fact]
    public async Task ConcurrentRecordsToOneBucketAllCount()
    {
        var hosts = Enumerable.Range(0, 4).Select(_ => NewHost()).ToList();
        var scope = StatsScope.Account("primary");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            hosts[i % hosts.Count].GetRequiredService<IDeliveryStatistics>().RecordAsync([scope], new(Sent: 1), T0))));

        Assert.Equal(40, (await Get<IDeliveryStatistics>().GetWindowAsync(scope, TimeSpan.FromMinutes(1), T0)).Sent);
    }

    [Fact]
    public async Task AnUnknownScopeKindIsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Get<IDeliveryStatistics>().RecordAsync([new StatsScope("region", "eu")], new(Sent: 1), T0));

        Assert.Contains("region", error.Message);
    }
}
