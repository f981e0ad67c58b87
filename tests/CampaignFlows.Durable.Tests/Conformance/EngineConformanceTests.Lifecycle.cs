using CampaignFlows.Durable.Tests.Infrastructure;

namespace CampaignFlows.Durable.Tests.Conformance;

public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task ContinueAsNew_truncates_history_and_keeps_buffered_events()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity<int, int>("Step", (_, n) => Task.FromResult(n + 1))
            .AddOrchestrator<int, int>("Eternal", async (ctx, generation) =>
            {
                var next = await ctx.CallActivityAsync<int>("Step", generation);
                if (generation == 0)
                {
                    await ctx.WaitForExternalEvent<string>("go");
                }
                if (generation < 3)
                {
                    ctx.ContinueAsNew(next);
                    return -1;
                }
                return generation + await ctx.WaitForExternalEvent<int>("carried");
            }));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Eternal", 0);
        await engine.Client.RaiseEventAsync(id, "carried", 100);
        await engine.Client.RaiseEventAsync(id, "go", "now");
        var done = await engine.WaitAsync(id);

        Assert.Equal(103, done.ReadOutputAs<int>());
        var history = await engine.Client.GetInstanceHistoryAsync(id);
        Assert.Single(history!, e => e.EventType == "ExecutionStarted");
        Assert.Single(history!, e => e.EventType == "TaskScheduled");
    }

    [Fact]
    public async Task Suspend_holds_events_until_resume()
    {
        await using var engine = await StartAsync(r => r
            .AddOrchestrator<object?, string>("Pausable", async (ctx, _) => await ctx.WaitForExternalEvent<string>("go")));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Pausable");
        await TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Running, "running");
        await engine.Client.SuspendInstanceAsync(id, "operator");
        await TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "suspended");
        await engine.Client.RaiseEventAsync(id, "go", "resumed");
        await TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceHistoryAsync(id))!.Any(e => e.EventType == "EventRaised"), "event recorded");
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await engine.Client.ResumeInstanceAsync(id);

        Assert.Equal("resumed", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_stops_a_running_instance_with_the_given_output()
    {
        await using var engine = await StartAsync(r => r
            .AddOrchestrator("Forever", async ctx => await ctx.WaitForExternalEvent<string>("never")));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await engine.Client.TerminateInstanceAsync(id, "stopped by test");
        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("stopped by test", done.ReadOutputAs<string>());
        await engine.Client.TerminateInstanceAsync(id, "again");
        Assert.Equal("stopped by test", (await engine.Client.GetInstanceAsync(id, true))!.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Non_determinism_is_detected_after_the_code_changes_on_restart()
    {
        var connection = Store.NewConnectionString();
        string id;
        await using (var before = await StartAsync(r => r
            .AddActivity("Charge", _ => Task.FromResult<object?>("charged"))
            .AddActivity("Refund", _ => Task.FromResult<object?>("refunded"))
            .AddOrchestrator("Checkout", async ctx =>
            {
                await ctx.CallActivityAsync("Charge");
                return await ctx.WaitForExternalEvent<string>("ship");
            }), connection))
        {
            id = await before.Client.ScheduleNewOrchestrationInstanceAsync("Checkout");
            await TestEngine.EventuallyAsync(async () => (await before.Client.GetInstanceHistoryAsync(id))!.Any(e => e.EventType == "TaskCompleted"), "charged");
        }

        await using var after = await StartAsync(r => r
            .AddActivity("Charge", _ => Task.FromResult<object?>("charged"))
            .AddActivity("Refund", _ => Task.FromResult<object?>("refunded"))
            .AddOrchestrator("Checkout", async ctx =>
            {
                await ctx.CallActivityAsync("Refund");
                return await ctx.WaitForExternalEvent<string>("ship");
            }), connection);
        await after.Client.RaiseEventAsync(id, "ship", "now");
        var done = await after.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("TaskScheduled 'Charge'", done.FailureDetails!.ErrorMessage);
        Assert.Contains("TaskScheduled 'Refund'", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task Deterministic_helpers_agree_across_replays()
    {
        var seen = new List<(Guid Guid, DateTime Now, bool Replaying)>();
        await using var engine = await StartAsync(r => r
            .AddActivity("Nop", _ => Task.FromResult<object?>(null))
            .AddOrchestrator("Helpers", async ctx =>
            {
                var guid = ctx.NewGuid();
                lock (seen) seen.Add((guid, ctx.CurrentUtcDateTime, ctx.IsReplaying));
                await ctx.CallActivityAsync("Nop");
                ctx.SetCustomStatus(new { step = 2 });
                return guid;
            }));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Helpers");
        var done = await engine.WaitAsync(id);

        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[0].Guid, seen[1].Guid);
        Assert.Equal(seen[0].Now, seen[1].Now);
        Assert.Equal([false, true], seen.Select(s => s.Replaying));
        Assert.Equal(seen[0].Guid, done.ReadOutputAs<Guid>());
        Assert.Contains("\"step\":2", done.SerializedCustomStatus);
    }
}
