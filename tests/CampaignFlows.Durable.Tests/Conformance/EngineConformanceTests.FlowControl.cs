using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Durable.Tests.Conformance;

public abstract partial class EngineConformanceTests
{
    private sealed record Item(string Key, int Weight, int N);

    /// <summary>Records each activity's dispatch time (when the flow gate admitted it): the moment the limit governs.
    /// Execution starts a few milliseconds later, with scheduling jitter the engine does not control.</summary>
    private static DurableTaskRegistry FlowApp(DurableTaskRegistry r, ConcurrentQueue<(string Key, long At)> starts, string rateKey) => r
        .AddActivity<Item, int>("Send", (ctx, item) =>
        {
            starts.Enqueue((item.Key, ((Runtime.ActivityContext)ctx).LeasedAt.Ticks));
            return Task.FromResult(item.N);
        })
        .AddOrchestrator<Item[], int>("Campaign", async (ctx, items) =>
        {
            var sends = items.Select(i => ctx.CallActivityAsync<int>("Send", i, new TaskOptions
            {
                RateLimits = [new RateLimit(rateKey)],
                Fairness = new Fairness(i.Key, i.Weight),
            }));
            return (await Task.WhenAll(sends)).Length;
        });

    [Fact]
    public async Task A_rate_limit_is_never_exceeded_in_any_one_second_window()
    {
        const int limit = 100;
        var starts = new ConcurrentQueue<(string Key, long At)>();
        await using var engine = await StartAsync(r => FlowApp(r, starts, "ses:rate"), configure: o =>
        {
            o.MaxConcurrentActivityFunctions = 64;
            o.FlowLimits["ses:rate"] = new FlowLimit { PerSecond = limit };
        });

        var items = Enumerable.Range(0, 450).Select(i => new Item("c", 1, i)).ToArray();
        var done = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Campaign", items), 120);

        Assert.Equal(450, done.ReadOutputAs<int>());
        var times = starts.Select(s => s.At).Order().ToArray();
        var maxWindow = MaxInWindow(times, TimeSpan.TicksPerSecond);
        Assert.True(maxWindow <= limit, $"{maxWindow} activities started within one second; the limit is {limit}.");
        Assert.True(maxWindow >= limit * 0.8, $"only {maxWindow} per second: the limit was not used.");
    }

    [Fact]
    public async Task Fairness_weights_9_to_1_share_90_10_and_the_survivor_takes_everything_once_the_other_drains()
    {
        var starts = new ConcurrentQueue<(string Key, long At)>();
        await using var engine = await StartAsync(r => FlowApp(r, starts, "ses:shared"), configure: o =>
        {
            o.MaxConcurrentActivityFunctions = 64;
            o.FlowLimits["ses:shared"] = new FlowLimit { PerSecond = 200 };
        });

        var items = Enumerable.Range(0, 270).Select(i => new Item("big", 9, i))
            .Concat(Enumerable.Range(0, 150).Select(i => new Item("small", 1, i))).ToArray();
        await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Campaign", items), 120);

        var order = starts.OrderBy(s => s.At).ToList();
        var firstPhase = order.Take(250).ToList();
        var bigShare = firstPhase.Count(s => s.Key == "big") / (double)firstPhase.Count;
        Assert.InRange(bigShare, 0.85, 0.95);
        var lastBig = order.FindLastIndex(s => s.Key == "big");
        Assert.All(order.Skip(lastBig + 1), s => Assert.Equal("small", s.Key));
        // Work-conserving: in the second after the big key drains, the survivor gets what both got in the second before
        // (or all it has left), measured against the same run so a slow machine does not read as unfairness.
        var drainedAt = order[lastBig].At;
        var beforeDrain = order.Count(s => s.At <= drainedAt && drainedAt - s.At < TimeSpan.TicksPerSecond);
        var remaining = order.Count - lastBig - 1;
        var afterDrain = order.Skip(lastBig + 1).Count(s => s.At - drainedAt <= TimeSpan.TicksPerSecond);
        var expected = Math.Min(beforeDrain, remaining) * 0.8;
        Assert.True(afterDrain >= expected,
            $"the survivor dispatched {afterDrain} in the second after the other drained; both together dispatched {beforeDrain} in the second before and {remaining} were left.");
    }

    [Fact]
    public async Task Throttled_work_is_requeued_without_spending_an_attempt_and_the_rate_is_lowered()
    {
        var runs = 0;
        double? rateAfterThrottle = null;
        var attempts = new ConcurrentBag<int>();
        await using var engine = await StartAsync(r => r
            .AddActivity("Throttled", async ctx =>
            {
                attempts.Add(ctx.Attempt);
                if (Interlocked.Increment(ref runs) <= 2) throw new ActivityThrottledException("429 Maximum sending rate exceeded", TimeSpan.FromMilliseconds(30));
                var state = await ctx.Services.GetRequiredService<DurableTaskClient>().GetFlowLimitAsync("ses:throttle");
                rateAfterThrottle = state!.EffectivePerSecond;
                return "sent";
            })
            .AddOrchestrator("SendsOnce", async ctx => await ctx.CallActivityAsync<string>("Throttled", null,
                new TaskOptions { RateLimits = [new RateLimit("ses:throttle")] })), configure: o => o.FlowLimits["ses:throttle"] = new FlowLimit { PerSecond = 40 });

        var done = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("SendsOnce"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, runs);
        Assert.All(attempts, a => Assert.Equal(1, a));
        Assert.InRange(rateAfterThrottle!.Value, 1, 39);
        var history = await engine.Client.GetInstanceHistoryAsync(done.InstanceId);
        Assert.DoesNotContain(history!, e => e.EventType == "TaskFailed");
    }

    [Fact]
    public async Task Flow_limits_change_at_run_time_and_report_their_state()
    {
        await using var engine = await StartAsync(r => r.AddOrchestrator("Nop", _ => Task.FromResult<object?>(null)));

        await engine.Client.SetFlowLimitAsync("quota", new FlowLimit { PerSecond = 10, WindowLimit = 50_000, Window = TimeSpan.FromHours(24), MaxConcurrency = 4 });
        await engine.Client.SetFlowLimitAsync("quota", new FlowLimit { PerSecond = 25, WindowLimit = 50_000, Window = TimeSpan.FromHours(24), MaxConcurrency = 4 });
        var state = await engine.Client.GetFlowLimitAsync("quota");

        Assert.Equal(25, state!.EffectivePerSecond);
        Assert.Equal(4, state.Limit.MaxConcurrency);
        Assert.Null(await engine.Client.GetFlowLimitAsync("undefined"));
        await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.SetFlowLimitAsync("bad", new FlowLimit { PerSecond = -1 }));
    }

    [Fact]
    public async Task Rolling_window_quota_and_concurrency_cap_hold_back_work()
    {
        var running = 0;
        var peak = 0;
        await using var engine = await StartAsync(r => r
            .AddActivity("Capped", async _ =>
            {
                var now = Interlocked.Increment(ref running);
                lock (this) peak = Math.Max(peak, now);
                await Task.Delay(30);
                Interlocked.Decrement(ref running);
                return null;
            })
            .AddOrchestrator<int, int>("Many", async (ctx, n) =>
            {
                var options = new TaskOptions { RateLimits = [new RateLimit("cap"), new RateLimit("daily", 1)] };
                await Task.WhenAll(Enumerable.Range(0, n).Select(_ => ctx.CallActivityAsync("Capped", null, options)));
                return n;
            }), configure: o =>
            {
                o.FlowLimits["cap"] = new FlowLimit { MaxConcurrency = 3 };
                o.FlowLimits["daily"] = new FlowLimit { WindowLimit = 20, Window = TimeSpan.FromDays(1) };
            });

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Many", 25);
        await Tests.Infrastructure.TestEngine.EventuallyAsync(async () => (await engine.Client.GetFlowLimitAsync("daily"))!.SpentInWindow >= 20, "quota spent");
        await Task.Delay(300);

        Assert.Equal(20, (await engine.Client.GetFlowLimitAsync("daily"))!.SpentInWindow);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.InRange(peak, 1, 3);
    }

    private static int MaxInWindow(long[] sorted, long window)
    {
        var max = 0;
        for (int lo = 0, hi = 0; hi < sorted.Length; hi++)
        {
            while (sorted[hi] - sorted[lo] >= window) lo++;
            max = Math.Max(max, hi - lo + 1);
        }
        return max;
    }
}
