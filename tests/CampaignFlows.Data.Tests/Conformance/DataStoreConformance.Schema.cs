using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.State;
using CampaignFlows.Data.Storage;
using CampaignFlows.Data.Suppressions;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Data.Tests.Conformance;

public abstract partial class DataStoreConformance
{
    [Fact]
    public async Task ApplyingTheSchemaAgainIsANoOp()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(5), T0);

        var again = await NewHost().GetRequiredService<CampaignDataInitializer>().InitializeAsync();

        Assert.Empty(again);
        Assert.Equal(5, (await Progress.GetCountsAsync(campaign)).Queued);
    }

    [Fact]
    public async Task TwoHostsStartingTogetherApplyEachVersionOnce()
    {
        var fresh = NewFreshDatabaseHosts(2);

        var applied = await Task.WhenAll(fresh.Select(h => Task.Run(() => h.GetRequiredService<CampaignDataInitializer>().InitializeAsync())));

        Assert.Equal([1, 2, 3, 4, 5, 6], applied.SelectMany(a => a).Order());
    }

    [Fact]
    public async Task AVersionOneDatabaseUpgradesKeepingItsRecipients()
    {
        var host = NewFreshDatabaseHosts(1).Single();
        var initializer = host.GetRequiredService<CampaignDataInitializer>();
        Assert.Equal([1], await initializer.InitializeAsync(1, CancellationToken.None));
        var campaign = NewCampaign();
        await host.GetRequiredService<IRecipientStore>().AddChunkAsync(campaign, Rows(60), T0);

        var upgraded = await initializer.InitializeAsync();

        Assert.Equal([2, 3, 4, 5, 6], upgraded);
        await host.GetRequiredService<ISuppressionList>().AddAsync([new("user0@gmail.com", SuppressionReason.Manual, "test", T0)]);
        Assert.Equal(1, await host.GetRequiredService<IRecipientStore>().ExcludeSuppressedAsync(campaign, T0));
        Assert.Equal(59, (await host.GetRequiredService<IRecipientProgress>().GetCountsAsync(campaign)).Queued);
    }

    [Fact]
    public async Task AVersionThreeWarmupLogUpgradesWithPlanDaysReadFromItsReasons()
    {
        var host = NewFreshDatabaseHosts(1).Single();
        var initializer = host.GetRequiredService<CampaignDataInitializer>();
        Assert.Equal([1, 2, 3], await initializer.InitializeAsync(3, CancellationToken.None));
        var database = host.GetRequiredService<CampaignDatabase>();
        await database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(c,
            "INSERT INTO warmup_days (warmup_id, day, planned, sent, dip, shared, bounce_rate, complaint_rate, decision, reason, recorded_at) " +
            "VALUES ('ip-9', 4, 1500, 1500, 0, 1500, 0.01, 0, 'hold', 'Plan day 3 at 5% warm, stepped by timer. Held.', 0)", transaction: t), CancellationToken.None);

        Assert.Equal([4, 5, 6], await initializer.InitializeAsync());

        var day = Assert.Single(await host.GetRequiredService<IWarmupDayLog>().ListAsync("ip-9"));
        Assert.Equal((4, 3), (day.Day, day.PlanDay));
    }

    /// <summary>Hosts on a second database (file or schema) that no initializer has touched yet.</summary>
    private List<ServiceProvider> NewFreshDatabaseHosts(int count)
    {
        var name = "fresh" + Guid.NewGuid().ToString("N")[..8];
        return Enumerable.Range(0, count).Select(_ => NewHost(o => PointAtOtherDatabase(o, name))).ToList();
    }

    /// <summary>Points options at another database of this test, named <paramref name="name"/>.</summary>
    protected abstract void PointAtOtherDatabase(CampaignDataOptions options, string name);
}
