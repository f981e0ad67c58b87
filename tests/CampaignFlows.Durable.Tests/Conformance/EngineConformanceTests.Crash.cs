using CampaignFlows.Durable.TestHost;
using CampaignFlows.Durable.Tests.Infrastructure;

namespace CampaignFlows.Durable.Tests.Conformance;

public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task Host_killed_between_actions_and_mid_checkpoint_loses_nothing_after_restart()
    {
        const int instances = 8;
        var connection = Store.NewConnectionString();
        var journal = Path.Combine(Path.GetTempPath(), $"crash-journal-{Guid.NewGuid():N}.txt");
        File.WriteAllText(journal, "");
        int Executions() => File.ReadAllLines(journal).Length;

        // Kill repeatedly at different points of progress; with 8 instances checkpointing all the time, some kills land
        // between actions and some inside a checkpoint transaction.
        using (var child = await ChildHost.StartAsync(Store.StoreType, connection, journal, instances))
        {
            await TestEngine.EventuallyAsync(() => Task.FromResult(Executions() >= 10), "first steps ran", 90);
            child.Kill();
        }
        var afterFirstKill = Executions();
        // Steps the second host can still run: a first host slow to die may have done most of them.
        var resumed = Math.Min(25, instances * CrashApp.Steps - File.ReadAllLines(journal).Distinct().Count());
        using (var child = await ChildHost.StartAsync(Store.StoreType, connection, journal, 0))
        {
            await TestEngine.EventuallyAsync(() => Task.FromResult(Executions() >= afterFirstKill + resumed), "work resumed in the second host", 90);
            child.Kill();
        }

        await using var engine = await StartAsync(r => CrashApp.Register(r, journal), connection,
            configure: o => o.LeaseDuration = TimeSpan.FromSeconds(1));
        var expected = Enumerable.Range(1, CrashApp.Steps).Sum() * 10;
        for (var i = 0; i < instances; i++)
        {
            var done = await engine.WaitAsync($"crash-{i}", 120);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(expected, done.ReadOutputAs<int>());
            var history = await engine.Client.GetInstanceHistoryAsync($"crash-{i}");
            var completed = history!.Where(e => e.EventType == "TaskCompleted").Select(e => e.EventId).ToList();
            Assert.Equal(CrashApp.Steps, completed.Count);
            Assert.Equal(completed.Count, completed.Distinct().Count());
        }
        var runs = File.ReadAllLines(journal).GroupBy(l => l).ToList();
        Assert.Equal(instances * CrashApp.Steps, runs.Count);
        Assert.True(runs.Sum(g => g.Count() - 1) <= 2 * 16, "only steps in flight at a kill may run twice");
        File.Delete(journal);
    }
}
