using CampaignFlows.Data.Dedup;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Data.Tests.Conformance;

public abstract partial class DataStoreConformance
{
    [Fact]
    public async Task ARepeatGetsInFlightThenTheFirstOutcome()
    {
        var dedup = Get<IRequestDedup>();
        var window = TimeSpan.FromSeconds(5);

        var first = await dedup.BeginAsync("reset:ann@x.com:h1", window, T0);
        var whileRunning = await dedup.BeginAsync("reset:ann@x.com:h1", window, T0.AddSeconds(1));
        await dedup.CompleteAsync("reset:ann@x.com:h1", """{"messageId":"m-1"}""");
        var afterwards = await dedup.BeginAsync("reset:ann@x.com:h1", window, T0.AddSeconds(2));
        var otherKey = await dedup.BeginAsync("reset:bob@x.com:h1", window, T0.AddSeconds(2));
        var afterWindow = await dedup.BeginAsync("reset:ann@x.com:h1", window, T0.AddSeconds(6));

        Assert.Equal(new DedupDecision(DedupState.First, null, T0), first);
        Assert.Equal(new DedupDecision(DedupState.InFlight, null, T0), whileRunning);
        Assert.Equal(new DedupDecision(DedupState.Completed, """{"messageId":"m-1"}""", T0), afterwards);
        Assert.Equal(DedupState.First, otherKey.State);
        Assert.Equal(new DedupDecision(DedupState.First, null, T0.AddSeconds(6)), afterWindow);
    }

    [Fact]
    public async Task TwentyConcurrentBeginsFromFourHostsYieldExactlyOneFirst()
    {
        var hosts = Enumerable.Range(0, 4).Select(_ => NewHost().GetRequiredService<IRequestDedup>()).ToList();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            hosts[i % hosts.Count].BeginAsync("order:42", TimeSpan.FromSeconds(5), T0))));

        Assert.Single(decisions, d => d.State == DedupState.First);
        Assert.Equal(19, decisions.Count(d => d.State == DedupState.InFlight));
    }

    [Fact]
    public async Task ExpiredAndAbandonedKeysAreForgotten()
    {
        var dedup = Get<IRequestDedup>();
        await dedup.BeginAsync("a", TimeSpan.FromSeconds(5), T0);
        await dedup.BeginAsync("b", TimeSpan.FromMinutes(5), T0);
        await dedup.BeginAsync("c", TimeSpan.FromMinutes(5), T0);

        var expired = await dedup.ExpireAsync(T0.AddSeconds(10));
        await dedup.AbandonAsync("c");

        Assert.Equal(1, expired);
        Assert.False(await dedup.CompleteAsync("a", "{}"));
        Assert.Equal(DedupState.InFlight, (await dedup.BeginAsync("b", TimeSpan.FromMinutes(5), T0.AddSeconds(20))).State);
        Assert.Equal(DedupState.First, (await dedup.BeginAsync("c", TimeSpan.FromMinutes(5), T0.AddSeconds(20))).State);
    }
}
