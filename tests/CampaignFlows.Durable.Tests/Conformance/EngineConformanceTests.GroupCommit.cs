using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Stores;
using CampaignFlows.Durable.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Durable.Tests.Conformance;

public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task A_group_commit_applies_each_checkpoint_only_under_its_own_lease()
    {
        await using var engine = await StartAsync(r => r.AddOrchestrator("Holder", async ctx => await ctx.WaitForExternalEvent<string>("never")));
        var store = engine.Services.GetRequiredService<IDurableStore>();
        var ids = new[] { await engine.Client.ScheduleNewOrchestrationInstanceAsync("Holder"), await engine.Client.ScheduleNewOrchestrationInstanceAsync("Holder") };
        foreach (var id in ids)
            await TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Running, "running");
        var t0 = DateTime.UtcNow.AddDays(1);
        foreach (var id in ids) await store.SendMessageAsync(new InstanceMessage(id, new HistoryEvent(EventType.EventRaised, t0) { Name = "wake" }, t0), default);
        var work = (await store.LockOrchestrationsAsync(new OrchestrationLockRequest("probe", 10, t0, t0.AddMinutes(1), 100), default))
            .Where(w => ids.Contains(w.Instance.InstanceId)).OrderBy(w => Array.IndexOf(ids, w.Instance.InstanceId)).ToList();
        Assert.Equal(2, work.Count);
        OrchestrationCommit Commit(OrchestrationWorkItem w, string token) => new()
        {
            InstanceId = w.Instance.InstanceId, LockToken = token, ConsumedMessages = w.Messages.Select(m => m.Seq).ToList(),
            NewHistory = [new HistoryEvent(EventType.OrchestratorStarted, t0)],
            Update = new InstanceUpdate(w.Instance.Status, w.Instance.ExecutionId, null, null, "\"grouped\"", null, t0, null),
        };

        var applied = await store.CommitOrchestrationsAsync([Commit(work[0], work[0].LockToken), Commit(work[1], "lost-lease")], default);

        Assert.Equal([true, false], applied);
        var first = (await store.GetInstanceAsync(ids[0], true, default))!;
        var second = (await store.GetInstanceAsync(ids[1], true, default))!;
        Assert.Equal("\"grouped\"", first.CustomStatus);
        Assert.Equal(work[0].Instance.HistoryLength + 1, first.HistoryLength);
        Assert.Null(second.CustomStatus);
        Assert.Equal(work[1].Instance.HistoryLength, second.HistoryLength);
        // The rejected checkpoint consumed nothing: its message is still due once its lease ends.
        var again = await store.LockOrchestrationsAsync(new OrchestrationLockRequest("probe", 10, t0.AddMinutes(2), t0.AddMinutes(3), 100), default);
        Assert.Contains(again, w => w.Instance.InstanceId == ids[1] && w.Messages.Any(m => m.Event.Name == "wake"));
        Assert.DoesNotContain(again, w => w.Instance.InstanceId == ids[0]);
    }
}
