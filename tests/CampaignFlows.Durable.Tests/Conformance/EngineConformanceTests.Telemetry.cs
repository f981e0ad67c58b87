using System.Diagnostics;
using CampaignFlows.Durable.Diagnostics;
using CampaignFlows.Durable.Tests.Infrastructure;
using CampaignFlows.Durable.Tests.Observability;

namespace CampaignFlows.Durable.Tests.Conformance;

public abstract partial class EngineConformanceTests
{
    private static readonly ActivitySource CallerSource = new("CampaignFlows.Durable.Tests.Caller");

    /// <summary>An activity that opens a span of its own, as the app's SES client does, and a sub-orchestration that calls it.</summary>
    private static DurableTaskRegistry TracedApp(DurableTaskRegistry r) => r
        .AddActivity<int, int>("CallSes", (_, n) =>
        {
            using var ses = CallerSource.StartActivity("ses SendBulkEmail", ActivityKind.Client);
            return Task.FromResult(n + 1);
        })
        .AddOrchestrator<int, int>("TracedChild", async (ctx, n) => await ctx.CallActivityAsync<int>("CallSes", n))
        .AddOrchestrator<int, int>("Traced", async (ctx, n) =>
        {
            var a = await ctx.CallActivityAsync<int>("CallSes", n);
            return await ctx.CallSubOrchestratorAsync<int>("TracedChild", a);
        });

    [Fact]
    public async Task Spans_link_the_starting_request_to_its_orchestration_episodes_activities_and_their_outgoing_calls()
    {
        using var spans = new SpanCapture(DurableTelemetry.Name, CallerSource.Name);
        await using var engine = await StartAsync(r => TracedApp(r));

        string id;
        ActivityTraceId trace;
        using (var request = CallerSource.StartActivity("POST /api/campaigns", ActivityKind.Server))
        {
            trace = request!.TraceId;
            id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Traced", 1);
        }
        var done = await engine.WaitAsync(id);
        Assert.Equal(3, done.ReadOutputAs<int>());

        await TestEngine.EventuallyAsync(() => Task.FromResult(spans.Of(trace).Count(s => s.DisplayName == "ses SendBulkEmail") == 2), "both SES spans recorded");
        var all = spans.Of(trace);
        var byId = all.ToDictionary(s => s.SpanId);
        var root = Assert.Single(all, s => s.DisplayName == "POST /api/campaigns");
        foreach (var ses in all.Where(s => s.DisplayName == "ses SendBulkEmail"))
        {
            var activity = byId[ses.ParentSpanId];
            Assert.Equal("activity CallSes", activity.DisplayName);
            var chain = Ancestors(activity, byId).Select(s => s.DisplayName).ToList();
            Assert.Equal("POST /api/campaigns", chain[^1]);
            Assert.StartsWith("orchestration ", chain[0]);
        }
        var episodes = all.Where(s => s.DisplayName == "orchestration Traced").ToList();
        Assert.NotEmpty(episodes);
        Assert.All(episodes, e => Assert.Equal(root.SpanId, e.ParentSpanId));
        Assert.All(episodes, e => Assert.Equal(id, e.GetTagItem(DurableTelemetry.InstanceIdTag)));
        var child = all.Where(s => s.DisplayName == "orchestration TracedChild").ToList();
        Assert.NotEmpty(child);
        Assert.All(child, c => Assert.Equal("orchestration Traced", byId[c.ParentSpanId].DisplayName));
    }

    private static IEnumerable<Activity> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var s = span; byId.TryGetValue(s.ParentSpanId, out var parent); s = parent) yield return parent;
    }

    [Fact]
    public async Task Engine_metrics_count_episodes_activities_by_outcome_and_throttles()
    {
        var throttledOnce = 0;
        await using var engine = await StartAsync(r => r
            .AddActivity<int, int>("Ok", (_, n) => Task.FromResult(n))
            .AddActivity<int, int>("Boom", (_, _) => throw new InvalidOperationException("boom"))
            .AddActivity<int, int>("Busy", (_, n) => Interlocked.Exchange(ref throttledOnce, 1) == 0
                ? throw new ActivityThrottledException("busy", TimeSpan.FromMilliseconds(10))
                : Task.FromResult(n))
            .AddOrchestrator<int, int>("Measured", async (ctx, n) =>
            {
                var a = await ctx.CallActivityAsync<int>("Ok", n);
                var b = await ctx.CallActivityAsync<int>("Busy", a);
                try
                {
                    await ctx.CallActivityAsync<int>("Boom", b);
                }
                catch (TaskFailedException)
                {
                    b++;
                }
                return b;
            }));
        using var metrics = new EngineMeterCapture(engine.Services);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Measured", 5);
        Assert.Equal(6, (await engine.WaitAsync(id)).ReadOutputAs<int>());

        await TestEngine.EventuallyAsync(() => Task.FromResult(metrics.Count(DurableTelemetry.Episodes, (DurableTelemetry.OutcomeTag, Outcomes.Completed)) == 1),
            "the final episode measured");
        (string, object?) name = (DurableTelemetry.NameTag, "Measured");
        Assert.Equal(3, metrics.Sum(DurableTelemetry.Episodes, name, (DurableTelemetry.OutcomeTag, Outcomes.Running)));
        Assert.Equal(4, metrics.Count(DurableTelemetry.EpisodeDuration, name));
        Assert.Equal(1, metrics.Count(DurableTelemetry.ActivityDuration, (DurableTelemetry.NameTag, "Ok"), (DurableTelemetry.OutcomeTag, Outcomes.Completed)));
        Assert.Equal(1, metrics.Count(DurableTelemetry.ActivityDuration, (DurableTelemetry.NameTag, "Busy"), (DurableTelemetry.OutcomeTag, Outcomes.Throttled)));
        Assert.Equal(1, metrics.Count(DurableTelemetry.ActivityDuration, (DurableTelemetry.NameTag, "Busy"), (DurableTelemetry.OutcomeTag, Outcomes.Completed)));
        Assert.Equal(1, metrics.Count(DurableTelemetry.ActivityDuration, (DurableTelemetry.NameTag, "Boom"), (DurableTelemetry.OutcomeTag, Outcomes.Failed)));
        Assert.Equal(1, metrics.Sum(DurableTelemetry.ActivityThrottled, (DurableTelemetry.NameTag, "Busy")));
        Assert.Equal(0, metrics.Sum(DurableTelemetry.EpisodesActive));
        Assert.Equal(0, metrics.Sum(DurableTelemetry.ActivitiesActive));
        // Without extended sessions every episode after the first rebuilds the orchestration from its history.
        Assert.True(metrics.Sum(DurableTelemetry.ReplayedEvents, name) > 0);
    }

    [Fact]
    public async Task Extended_sessions_replay_nothing_when_the_cached_orchestration_continues()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity<int, int>("Ok", (_, n) => Task.FromResult(n))
            .AddOrchestrator<int, int>("Cached", async (ctx, n) =>
            {
                for (var i = 0; i < 5; i++) n = await ctx.CallActivityAsync<int>("Ok", n + 1);
                return n;
            }), configure: o => o.ExtendedSessionsEnabled = true);
        using var metrics = new EngineMeterCapture(engine.Services);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Cached", 0);
        Assert.Equal(5, (await engine.WaitAsync(id)).ReadOutputAs<int>());

        await TestEngine.EventuallyAsync(() => Task.FromResult(metrics.Count(DurableTelemetry.Episodes, (DurableTelemetry.OutcomeTag, Outcomes.Completed)) == 1),
            "the final episode measured");
        Assert.Equal(6, metrics.Count(DurableTelemetry.ReplayedEvents, (DurableTelemetry.NameTag, "Cached")));
        Assert.Equal(0, metrics.Sum(DurableTelemetry.ReplayedEvents, (DurableTelemetry.NameTag, "Cached")));
    }
}
