namespace CampaignFlows.Durable.Tests.Conformance;

public abstract partial class EngineConformanceTests
{
    private sealed record Order(string Id, int Quantity);

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_error_and_nothing_is_written()
    {
        await using var engine = await StartAsync(r => r.AddOrchestrator("Known", _ => Task.FromResult<object?>(null)),
            configure: o => o.MaxPayloadBytes = 64 * 1024);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync("Nope", null, new("x1")));
        Assert.Contains("Nope", unknown.Message);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync("Known", null, new(" ")));
        Assert.Contains("empty", empty.Message);
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync("Known", null, new(new string('a', 257))));
        Assert.Contains("256", tooLong.Message);
        var oversize = await Assert.ThrowsAsync<ArgumentException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Known", new string('x', 100_000), new("big")));
        Assert.Contains("over the limit", oversize.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.RaiseEventAsync("big", "e", new string('x', 100_000)));

        Assert.Empty((await engine.Client.QueryInstancesAsync(new OrchestrationQuery())).Items);
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => engine.Client.RaiseEventAsync("missing", "e"));
    }

    [Fact]
    public async Task Undeserializable_input_fails_with_the_type_and_json_path()
    {
        await using var engine = await StartAsync(r => r
            .AddOrchestrator<Order, int>("TakesOrder", (_, order) => Task.FromResult(order.Quantity)));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("TakesOrder", new { id = "o-1", quantity = "many" });
        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains(typeof(Order).FullName!, done.FailureDetails!.ErrorMessage);
        Assert.Contains("$.quantity", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task Unknown_activity_and_oversize_activity_result_fail_the_task_clearly()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity("Huge", _ => Task.FromResult<object?>(new string('x', 100_000)))
            .AddOrchestrator<object?, string>("Calls", async (ctx, _) =>
            {
                var errors = new List<string>();
                try { await ctx.CallActivityAsync("Missing"); } catch (TaskFailedException ex) { errors.Add(ex.FailureDetails.ErrorMessage); }
                try { await ctx.CallActivityAsync("Huge"); } catch (TaskFailedException ex) { errors.Add(ex.FailureDetails.ErrorMessage); }
                return string.Join("|", errors);
            }), configure: o => o.MaxPayloadBytes = 64 * 1024);

        var done = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Calls"));

        var errors = done.ReadOutputAs<string>()!.Split('|');
        Assert.Contains("No activity named 'Missing'", errors[0]);
        Assert.Contains("over the limit", errors[1]);
    }

    [Fact]
    public async Task Large_payloads_round_trip_through_the_payloads_table()
    {
        var big = new string('y', 50_000);
        await using var engine = await StartAsync(r => r
            .AddActivity<string, int>("Length", (_, s) => Task.FromResult(s.Length))
            .AddOrchestrator<string, string>("Big", async (ctx, s) => $"{await ctx.CallActivityAsync<int>("Length", s)}:{s}"));

        var done = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Big", big));

        Assert.Equal($"50000:{big}", done.ReadOutputAs<string>());
        Assert.Equal(big, done.ReadInputAs<string>());
    }
}
