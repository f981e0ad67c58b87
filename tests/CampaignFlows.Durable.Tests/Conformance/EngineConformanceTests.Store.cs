using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Durable.Tests.Conformance;

/// <summary>Store-level guarantees the engine relies on, checked through the contract directly.</summary>
public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task A_completion_from_a_lost_lease_is_discarded_and_applied_once()
    {
        await using var engine = await StartAsync(r => r.AddOrchestrator("Holder", async ctx => await ctx.WaitForExternalEvent<string>("never")),
            configure: o => o.MaxConcurrentActivityFunctions = 1);
        var store = engine.Services.GetRequiredService<IDurableStore>();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Holder");
        await Infrastructure.TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Running, "running");
        var instance = await store.GetInstanceAsync(id, false, default);
        var t0 = DateTime.UtcNow.AddDays(1);
        var commitLock = await LockAsync(store, id, t0);
        Assert.Null(commitLock);
        await store.SendMessageAsync(new InstanceMessage(id, new HistoryEvent(EventType.EventRaised, t0) { Name = "probe" }, t0.AddDays(1)), default);

        var activity = new NewActivity(id, instance!.ExecutionId, 99, "Orphan", null, 1, 0, "", 1, [], t0);
        var first = await LeaseOneAsync(store, activity, t0, "host-a");
        var second = (await store.LeaseActivitiesAsync(new ActivityLeaseRequest(
            await store.GetActivityCandidatesAsync(10, 10, t0.AddMinutes(2), default), "host-b", t0.AddMinutes(2), t0.AddMinutes(3), 10), default)).Single();
        var completion = new InstanceMessage(id, new HistoryEvent(EventType.TaskCompleted, t0) { TaskScheduledId = 99, ExecutionId = instance.ExecutionId }, t0);

        var stale = await store.CompleteActivitiesAsync([new ActivityResult(first.Id, first.LockToken, completion)], default);
        var current = await store.CompleteActivitiesAsync([new ActivityResult(second.Id, second.LockToken, completion)], default);
        var again = await store.CompleteActivitiesAsync([new ActivityResult(second.Id, second.LockToken, completion)], default);

        Assert.Equal([false], stale);
        Assert.Equal([true], current);
        Assert.Equal([false], again);
        var work = await store.LockOrchestrationsAsync(new OrchestrationLockRequest("probe", 10, t0, t0.AddMinutes(1), 100), default);
        Assert.Single(Assert.Single(work).Messages, m => m.Event.Type == EventType.TaskCompleted);
    }

    [Fact]
    public async Task Stale_and_current_results_of_one_activity_in_one_batch_deliver_one_completion()
    {
        await using var engine = await StartAsync(r => r.AddOrchestrator("Holder", async ctx => await ctx.WaitForExternalEvent<string>("never")));
        var store = engine.Services.GetRequiredService<IDurableStore>();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Holder");
        await Infrastructure.TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Running, "running");
        var instance = (await store.GetInstanceAsync(id, false, default))!;
        var t0 = DateTime.UtcNow.AddDays(1);
        var first = await LeaseOneAsync(store, new NewActivity(id, instance.ExecutionId, 7, "Twice", null, 1, 0, "", 1, [], t0), t0, "host-a");
        var second = (await store.LeaseActivitiesAsync(new ActivityLeaseRequest(
            await store.GetActivityCandidatesAsync(10, 10, t0.AddMinutes(2), default), "host-a", t0.AddMinutes(2), t0.AddMinutes(3), 10), default)).Single();
        var completion = new InstanceMessage(id, new HistoryEvent(EventType.TaskCompleted, t0) { TaskScheduledId = 7, ExecutionId = instance.ExecutionId }, t0);

        var applied = await store.CompleteActivitiesAsync(
            [new ActivityResult(first.Id, first.LockToken, completion), new ActivityResult(second.Id, second.LockToken, completion)], default);

        Assert.Equal([false, true], applied);
        var work = await store.LockOrchestrationsAsync(new OrchestrationLockRequest("probe", 10, t0.AddMinutes(5), t0.AddMinutes(6), 100), default);
        Assert.Single(Assert.Single(work).Messages, m => m.Event.Type == EventType.TaskCompleted);
    }

    private static async Task<OrchestrationWorkItem?> LockAsync(IDurableStore store, string id, DateTime now) =>
        (await store.LockOrchestrationsAsync(new OrchestrationLockRequest("probe", 10, now, now.AddMinutes(1), 100), default))
        .FirstOrDefault(w => w.Instance.InstanceId == id);

    /// <summary>Enqueues an activity through a checkpoint (the only way activities enter the queue) and leases it.</summary>
    private static async Task<ActivityWorkItem> LeaseOneAsync(IDurableStore store, NewActivity activity, DateTime now, string owner)
    {
        await store.SendMessageAsync(new InstanceMessage(activity.InstanceId, new HistoryEvent(EventType.EventRaised, now) { Name = "wake" }, now), default);
        var work = (await LockAsync(store, activity.InstanceId, now))!;
        var r = work.Instance;
        Assert.True(await store.CommitOrchestrationAsync(new OrchestrationCommit
        {
            InstanceId = r.InstanceId, LockToken = work.LockToken, ConsumedMessages = work.Messages.Where(m => m.Event.Name == "wake").Select(m => m.Seq).ToList(),
            NewHistory = [], Update = new InstanceUpdate(r.Status, r.ExecutionId, null, null, null, null, now, null), Activities = [activity],
        }, default));
        var candidates = await store.GetActivityCandidatesAsync(10, 10, now, default);
        return (await store.LeaseActivitiesAsync(new ActivityLeaseRequest(candidates, owner, now, now.AddMinutes(1), 10), default)).Single();
    }

    [Fact]
    public async Task Extended_sessions_skip_replay_and_still_complete_correctly()
    {
        var runs = 0;
        await using var engine = await StartAsync(r => r
            .AddActivity<int, int>("Inc", (_, n) => Task.FromResult(n + 1))
            .AddOrchestrator<int, int>("Counter", async (ctx, n) =>
            {
                Interlocked.Increment(ref runs);
                for (var i = 0; i < 5; i++) n = await ctx.CallActivityAsync<int>("Inc", n);
                return n;
            }), configure: o => o.ExtendedSessionsEnabled = true);

        var done = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 10));

        Assert.Equal(15, done.ReadOutputAs<int>());
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Schedule_occurrences_are_claimed_once()
    {
        await using var engine = await StartAsync(r => r.AddOrchestrator("Nop", _ => Task.FromResult<object?>(null)));
        var monitor = engine.Services.GetRequiredService<IScheduleMonitor>();
        var first = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.True(await monitor.TryClaimOccurrenceAsync("daily", null, first, first.AddDays(1)));
        Assert.False(await monitor.TryClaimOccurrenceAsync("daily", null, first, first.AddDays(1)));
        Assert.True(await monitor.TryClaimOccurrenceAsync("daily", first, first.AddDays(1), first.AddDays(2)));
        Assert.False(await monitor.TryClaimOccurrenceAsync("daily", first, first.AddDays(1), first.AddDays(2)));
        var status = await monitor.GetStatusAsync("daily");
        Assert.Equal(first.AddDays(1), status!.Last);
        Assert.Equal(first.AddDays(2), status.Next);
    }
}
