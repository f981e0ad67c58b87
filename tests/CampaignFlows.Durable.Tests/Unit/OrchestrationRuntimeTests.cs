using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Durable.Tests.Unit;

public sealed class OrchestrationRuntimeTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static OrchestrationRuntime Runtime(Func<TaskOrchestrationContext, Task<object?>> function, params string[] activities)
    {
        var registry = new DurableTaskRegistry();
        foreach (var a in activities) registry.AddActivity(a, _ => Task.FromResult<object?>(null));
        registry.AddOrchestrator("O", function);
        return new OrchestrationRuntime("O", "i-1", function, new RuntimeEnvironment(registry, NullLoggerFactory.Instance, 1 << 20));
    }

    private static HistoryEvent Started(string? input = null) => new(EventType.ExecutionStarted, T0) { Data = input, ExecutionId = "e1" };
    private static HistoryEvent Tick(int seconds = 0) => new(EventType.OrchestratorStarted, T0.AddSeconds(seconds));
    private static HistoryEvent Scheduled(int id, string name) => new(EventType.TaskScheduled, T0) { EventId = id, Name = name };
    private static HistoryEvent Completed(int id, string json) => new(EventType.TaskCompleted, T0) { TaskScheduledId = id, Data = json };
    private static HistoryEvent Raised(string name, string json) => new(EventType.EventRaised, T0) { Name = name, Data = json };

    private static async Task<object?> TwoSteps(TaskOrchestrationContext ctx)
    {
        var a = await ctx.CallActivityAsync<int>("A");
        var b = await ctx.CallActivityAsync<int>("B");
        return a + b;
    }

    [Fact]
    public void Run_FirstEpisode_SchedulesOnlyTheFirstActivity()
    {
        var outcome = Runtime(TwoSteps, "A", "B").Run([Tick(), Started()]);

        Assert.Equal(["A"], outcome.Actions.Select(a => a.Name));
        Assert.Null(outcome.Completion);
    }

    [Fact]
    public void Replay_RecordedResults_AreReturnedAndOnlyNewActionsAreReported()
    {
        var runtime = Runtime(TwoSteps, "A", "B");

        runtime.Replay([Tick(), Started(), Scheduled(0, "A"), Tick(1), Completed(0, "2"), Scheduled(1, "B")]);
        var outcome = runtime.Run([Tick(2), Completed(1, "3")]);

        Assert.Empty(outcome.Actions);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, outcome.Completion!.Status);
        Assert.Equal("5", outcome.Completion.Output);
        Assert.Equal(T0.AddSeconds(2), runtime.CurrentUtcDateTime);
    }

    [Fact]
    public void Replay_ChangedActivityName_ThrowsNamingExpectedAndActual()
    {
        var runtime = Runtime(TwoSteps, "A", "B");

        var error = Assert.Throws<NonDeterministicOrchestrationException>(() => runtime.Replay([Tick(), Started(), Scheduled(0, "Charge")]));

        Assert.Contains("TaskScheduled 'Charge' (#0)", error.Message);
        Assert.Contains("TaskScheduled 'A' (#0)", error.Message);
    }

    [Fact]
    public void Replay_HistoryActionTheCodeNoLongerTakes_Throws()
    {
        var runtime = Runtime(_ => Task.FromResult<object?>(1));

        var error = Assert.Throws<NonDeterministicOrchestrationException>(() => runtime.Replay([Tick(), Started(), Scheduled(0, "A")]));

        Assert.Contains("took no such action", error.Message);
    }

    [Fact]
    public void Run_EventRaisedBeforeTheWait_IsBuffered()
    {
        var runtime = Runtime(async ctx =>
        {
            await ctx.CallActivityAsync("A");
            return await ctx.WaitForExternalEvent<string>("go");
        }, "A");
        runtime.Run([Tick(), Started()]);

        var outcome = runtime.Run([Tick(1), Raised("go", "\"early\""), Completed(0, "null")]);

        Assert.Equal("\"early\"", outcome.Completion!.Output);
    }

    [Fact]
    public void Run_WhileSuspended_EventsAreHeldUntilResume()
    {
        var runtime = Runtime(async ctx => await ctx.WaitForExternalEvent<string>("go"));
        runtime.Run([Tick(), Started()]);

        var suspended = runtime.Run([Tick(1), new HistoryEvent(EventType.ExecutionSuspended, T0), Raised("go", "\"x\"")]);
        Assert.Null(suspended.Completion);
        Assert.True(runtime.IsSuspended);

        var resumed = runtime.Run([Tick(2), new HistoryEvent(EventType.ExecutionResumed, T0)]);
        Assert.Equal("\"x\"", resumed.Completion!.Output);
    }

    [Fact]
    public void Run_ContinueAsNew_CarriesUnconsumedEvents()
    {
        var runtime = Runtime(ctx =>
        {
            ctx.ContinueAsNew(ctx.GetInput<int>() + 1);
            return Task.FromResult<object?>(null);
        });

        var outcome = runtime.Run([Tick(), Raised("later", "1"), Started("41"), Raised("after", "2")]);

        Assert.True(outcome.Completion!.IsContinueAsNew);
        Assert.Equal("42", outcome.Completion.Output);
        Assert.Equal(["later", "after"], outcome.Completion.CarriedEvents.Select(e => e.Name));
    }

    [Fact]
    public void Run_RetryPolicy_SchedulesADurableTimerBetweenAttempts()
    {
        var runtime = Runtime(async ctx => await ctx.CallActivityAsync<int>("A", null, new TaskOptions(new RetryPolicy(3, TimeSpan.FromMinutes(5)))), "A");
        runtime.Run([Tick(), Started()]);

        var outcome = runtime.Run([Tick(1), new HistoryEvent(EventType.TaskFailed, T0) { TaskScheduledId = 0, Failure = new("X", "failed") }]);

        var timer = Assert.Single(outcome.Actions);
        Assert.Equal(ActionKind.Timer, timer.Kind);
        Assert.Equal(T0.AddSeconds(1).AddMinutes(5), timer.FireAt);
    }

    [Fact]
    public void NewGuid_IsTheSameOnReplay()
    {
        var guids = new List<Guid>();
        Func<TaskOrchestrationContext, Task<object?>> function = ctx =>
        {
            guids.Add(ctx.NewGuid());
            guids.Add(ctx.NewGuid());
            return Task.FromResult<object?>(null);
        };

        Runtime(function).Run([Tick(), Started()]);
        Runtime(function).Replay([Tick(), Started()]);

        Assert.Equal(guids[0], guids[2]);
        Assert.Equal(guids[1], guids[3]);
        Assert.NotEqual(guids[0], guids[1]);
    }
}
