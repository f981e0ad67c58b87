using CampaignFlows.Durable.Stores;
using CampaignFlows.Durable.TestHost;
using CampaignFlows.Durable.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Durable.Tests.Conformance;

/// <summary>Fast recovery after a crash: a restarted host frees the leases its dead predecessor held, and nobody else's.</summary>
public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task Only_leases_of_processes_of_the_same_host_id_without_a_live_claim_are_released_early()
    {
        await using var engine = await StartAsync(r => r.AddOrchestrator("Holder", async ctx => await ctx.WaitForExternalEvent<string>("never")));
        var store = engine.Services.GetRequiredService<IDurableStore>();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Holder");
        await TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Running, "running");
        var execution = (await store.GetInstanceAsync(id, false, default))!.ExecutionId;
        var t0 = DateTime.UtcNow.AddDays(1);
        var alive = await store.RegisterHostAsync("h1/alive", default);
        var dead = await store.RegisterHostAsync("h1/dead", default);
        var otherHost = await store.RegisterHostAsync("h2/dead", default);
        var leases = new Dictionary<string, ActivityWorkItem>();
        var task = 0;
        foreach (var owner in new[] { "h1/dead", "h1/alive", "h2/dead", "h1/never-registered" })
            leases[owner] = await LeaseOneAsync(store, new NewActivity(id, execution, ++task, "Work", null, 1, 0, "", 1, [], t0), t0, owner);
        await dead.DisposeAsync();
        await otherHost.DisposeAsync();

        var released = await store.ReleaseLeasesOfDeadOwnersAsync("h1/", "h1/me", t0, default);
        var again = await store.ReleaseLeasesOfDeadOwnersAsync("h1/", "h1/me", t0, default);

        Assert.Equal(2, released);
        Assert.Equal(0, again);
        var free = await store.GetActivityCandidatesAsync(10, 10, t0, default);
        Assert.Equal([leases["h1/dead"].Id, leases["h1/never-registered"].Id], free.Select(c => c.Id).Order());
        Assert.False(await store.RenewActivityLeaseAsync(leases["h1/dead"].Id, leases["h1/dead"].LockToken, t0.AddMinutes(2), default));
        Assert.True(await store.RenewActivityLeaseAsync(leases["h1/alive"].Id, leases["h1/alive"].LockToken, t0.AddMinutes(2), default));
        await alive.DisposeAsync();
    }

    [Fact]
    public async Task A_host_restarted_under_its_id_resumes_the_killed_predecessors_work_without_waiting_for_its_leases_to_expire()
    {
        const int instances = 4;
        const string hostId = "crash-host";
        // Leases far longer than the test may wait: only the early release can let the work continue in time.
        var lease = TimeSpan.FromMinutes(10);
        var connection = Store.NewConnectionString();
        var journal = Path.Combine(Path.GetTempPath(), $"recovery-journal-{Guid.NewGuid():N}.txt");
        File.WriteAllText(journal, "");
        using (var child = await ChildHost.StartAsync(Store.StoreType, connection, journal, instances, hostId, lease))
        {
            await TestEngine.EventuallyAsync(() => Task.FromResult(File.ReadAllLines(journal).Length >= 6), "first steps ran", 90);
            child.Kill();
        }

        await using var engine = await StartAsync(r => CrashApp.Register(r, journal), connection, configure: o =>
        {
            o.HostId = hostId;
            o.LeaseDuration = lease;
        });
        for (var i = 0; i < instances; i++)
        {
            var done = await engine.WaitAsync($"crash-{i}", 90);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(Enumerable.Range(1, CrashApp.Steps).Sum() * 10, done.ReadOutputAs<int>());
        }
        File.Delete(journal);
    }
}
