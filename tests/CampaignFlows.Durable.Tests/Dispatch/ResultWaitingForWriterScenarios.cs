using CampaignFlows.Durable.Stores;
using CampaignFlows.Durable.Stores.Sqlite;
using CampaignFlows.Durable.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Durable.Tests.Dispatch;

/// <summary>An activity that finished keeps its lease while its result waits to be written.</summary>
public sealed class ResultWaitingForWriterScenarios(SqliteStoreFixture db) : IClassFixture<SqliteStoreFixture>
{
    [Fact]
    public async Task Result_written_after_several_lease_durations_is_applied_and_the_activity_runs_once()
    {
        // Renewal runs every third of a lease, so a 3 s lease rides out stalls of up to 2 s on a loaded test machine; the result
        // write takes three lease durations, so a lease left unrenewed would surely lapse and the activity would run again.
        var lease = TimeSpan.FromSeconds(3);
        var runs = 0;
        await using var engine = await TestEngine.StartAsync("slow-results", db.NewConnectionString(), r => r
                .AddActivity<string, string>("Send", (_, to) =>
                {
                    Interlocked.Increment(ref runs);
                    return Task.FromResult($"sent to {to}");
                })
                .AddOrchestrator<string, string>("SendOnce", (ctx, to) => ctx.CallActivityAsync<string>("Send", to)),
            configure: o => o.LeaseDuration = lease,
            services: s => s.AddSingleton<IDurableStoreProvider>(new SlowResultWriteStoreProvider(new SqliteStoreProvider(), lease * 3)));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("SendOnce", "ann@example.com");
        var done = await engine.WaitAsync(id);

        Assert.Equal("sent to ann@example.com", done.ReadOutputAs<string>());
        // Without renewal the lease would lapse while the result waits, and the dispatcher would send a second time.
        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.Single((await engine.Client.GetInstanceHistoryAsync(id))!, e => e.EventType == "TaskCompleted");
    }
}
