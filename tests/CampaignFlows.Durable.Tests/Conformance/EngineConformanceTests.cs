using CampaignFlows.Durable.Tests.Infrastructure;

namespace CampaignFlows.Durable.Tests.Conformance;

/// <summary>
/// The engine's behaviour on one store. Each store adds one subclass that supplies its fixture; every scenario runs
/// on a fresh, isolated store. Scenarios are split across partial files by theme.
/// </summary>
public abstract partial class EngineConformanceTests(IStoreFixture store)
{
    protected IStoreFixture Store { get; } = store;

    protected Task<TestEngine> StartAsync(Action<DurableTaskRegistry> register, string? connectionString = null, TimeProvider? time = null,
        Action<Hosting.DurableEngineOptions>? configure = null) =>
        TestEngine.StartAsync(Store.StoreType, connectionString ?? Store.NewConnectionString(), register, time, configure);

    [Fact]
    public async Task Sequence_of_activities_returns_the_chained_result()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity<string, string>("Hello", (_, name) => Task.FromResult($"Hello {name}"))
            .AddOrchestrator<string, string>("Greet", async (ctx, name) =>
            {
                var a = await ctx.CallActivityAsync<string>("Hello", name);
                var b = await ctx.CallActivityAsync<string>("Hello", a);
                return b;
            }));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Greet", "Ada");
        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Hello Hello Ada", done.ReadOutputAs<string>());
        var history = await engine.Client.GetInstanceHistoryAsync(id);
        Assert.Equal(2, history!.Count(e => e.EventType == "TaskScheduled"));
        Assert.Equal(2, history!.Count(e => e.EventType == "TaskCompleted"));
        Assert.Equal("ExecutionCompleted", history![^1].EventType);
    }
}
