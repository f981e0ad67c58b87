using CampaignFlows.Durable.Testing;
using CampaignFlows.Durable.Tests.Infrastructure;

namespace CampaignFlows.Durable.Tests.Conformance;

public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task A_28_day_timer_fires_when_the_manual_clock_is_advanced()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var engine = await StartAsync(r => r
            .AddOrchestrator<object?, DateTime>("Warmup", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(28), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            }), time: clock);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Warmup");
        await TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceHistoryAsync(id))!.Any(e => e.EventType == "TimerCreated"), "timer created");
        clock.Advance(TimeSpan.FromDays(27));
        await Task.Delay(100);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);

        clock.Advance(TimeSpan.FromDays(1));
        var done = await engine.WaitAsync(id, 30);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Utc), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task Timer_survives_a_host_restart()
    {
        var connection = Store.NewConnectionString();
        void Register(DurableTaskRegistry r) => r.AddOrchestrator<object?, string>("Sleeps", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromSeconds(1.5), CancellationToken.None);
            return "woke";
        });
        string id;
        await using (var first = await StartAsync(Register, connection))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Sleeps");
            await TestEngine.EventuallyAsync(async () => (await first.Client.GetInstanceHistoryAsync(id))!.Any(e => e.EventType == "TimerCreated"), "timer created");
        }

        await using var second = await StartAsync(Register, connection);
        var done = await second.WaitAsync(id);

        Assert.Equal("woke", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task External_event_raised_before_the_wait_is_buffered_and_after_the_wait_is_delivered()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity("Slow", async _ => { await Task.Delay(300); return null; })
            .AddOrchestrator<object?, string>("Listens", async (ctx, _) =>
            {
                await ctx.CallActivityAsync("Slow");
                var early = await ctx.WaitForExternalEvent<string>("early");
                var late = await ctx.WaitForExternalEvent<string>("late");
                return $"{early}+{late}";
            }));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Listens");
        await engine.Client.RaiseEventAsync(id, "early", "A");
        await TestEngine.EventuallyAsync(async () => (await engine.Client.GetInstanceHistoryAsync(id))!.Count(e => e.EventType == "EventRaised") == 1
            && (await engine.Client.GetInstanceHistoryAsync(id))!.Any(e => e.EventType == "TaskCompleted"), "early event applied");
        await Task.Delay(100);
        await engine.Client.RaiseEventAsync(id, "late", "B");

        Assert.Equal("A+B", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_versus_timeout_race_is_decided_by_what_arrives_first()
    {
        var clock = new ManualTimeProvider();
        await using var engine = await StartAsync(r => r
            .AddOrchestrator<object?, string>("Races", async (ctx, _) =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("answer", TimeSpan.FromHours(26));
                }
                catch (TaskCanceledException)
                {
                    return "timed out";
                }
            }), time: clock);

        var answered = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Races");
        var silent = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Races");
        await TestEngine.EventuallyAsync(async () =>
            (await engine.Client.GetInstanceHistoryAsync(answered))!.Any(e => e.EventType == "TimerCreated")
            && (await engine.Client.GetInstanceHistoryAsync(silent))!.Any(e => e.EventType == "TimerCreated"), "both waiting");
        await engine.Client.RaiseEventAsync(answered, "answer", "yes");
        Assert.Equal("yes", (await engine.WaitAsync(answered)).ReadOutputAs<string>());

        clock.Advance(TimeSpan.FromHours(26));
        Assert.Equal("timed out", (await engine.WaitAsync(silent)).ReadOutputAs<string>());
        await engine.Client.RaiseEventAsync(answered, "answer", "too late");
    }
}
