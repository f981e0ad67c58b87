namespace CampaignFlows.Durable.Tests.Conformance;

public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task Fan_out_of_1000_activities_fans_in_every_result()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity<int, int>("Square", (_, n) => Task.FromResult(n * n))
            .AddOrchestrator<int, long>("FanOut", async (ctx, count) =>
            {
                var tasks = Enumerable.Range(1, count).Select(i => ctx.CallActivityAsync<int>("Square", i)).ToList();
                var results = await Task.WhenAll(tasks);
                return results.Sum(x => (long)x);
            }), configure: o => o.MaxConcurrentActivityFunctions = 50);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 1000);
        var done = await engine.WaitAsync(id, 120);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 1000).Sum(i => (long)i * i), done.ReadOutputAs<long>());
    }

    [Fact]
    public async Task Sub_orchestration_returns_its_output_to_the_parent()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity<int, int>("Double", (_, n) => Task.FromResult(n * 2))
            .AddOrchestrator<int, int>("Child", async (ctx, n) => await ctx.CallActivityAsync<int>("Double", n))
            .AddOrchestrator<int, int>("Parent", async (ctx, n) =>
            {
                var a = await ctx.CallSubOrchestratorAsync<int>("Child", n);
                var b = await ctx.CallSubOrchestratorAsync<int>("Child", a, new SubOrchestrationOptions($"{ctx.InstanceId}-fixed-child"));
                return a + b;
            }));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 5, new StartOrchestrationOptions("parent-1"));
        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(30, done.ReadOutputAs<int>());
        var child = await engine.Client.GetInstanceAsync("parent-1-fixed-child");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
    }

    [Fact]
    public async Task Retry_then_success_uses_durable_timers_between_attempts()
    {
        var attempts = new List<int>();
        await using var engine = await StartAsync(r => r
            .AddActivity("Flaky", ctx =>
            {
                lock (attempts) attempts.Add(ctx.Attempt);
                return ctx.Attempt < 3 ? throw new InvalidOperationException($"attempt {ctx.Attempt} failed") : Task.FromResult<object?>("ok");
            })
            .AddOrchestrator<object?, string>("Retrying", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Flaky", null, new TaskOptions(new RetryPolicy(5, TimeSpan.FromMilliseconds(50), 2)))));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Retrying");
        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("ok", done.ReadOutputAs<string>());
        Assert.Equal([1, 2, 3], attempts);
        var history = await engine.Client.GetInstanceHistoryAsync(id);
        Assert.Equal(2, history!.Count(e => e.EventType == "TimerCreated"));
    }

    [Fact]
    public async Task Retries_exhausted_surface_TaskFailedException_with_details()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity("AlwaysFails", _ => throw new InvalidOperationException("the mail server said no", new TimeoutException("inner cause")))
            .AddOrchestrator<object?, string>("GivesUp", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallActivityAsync("AlwaysFails", null, new TaskOptions(new RetryPolicy(3, TimeSpan.FromMilliseconds(20))));
                    return "unexpected";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.InnerFailure?.ErrorType}|{ex.FailureDetails.IsCausedBy<InvalidOperationException>()}";
                }
            }));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("GivesUp");
        var done = await engine.WaitAsync(id);

        Assert.Equal("AlwaysFails|System.InvalidOperationException|the mail server said no|System.TimeoutException|True", done.ReadOutputAs<string>());
        var history = await engine.Client.GetInstanceHistoryAsync(id);
        Assert.Equal(3, history!.Count(e => e.EventType == "TaskFailed"));
    }

    [Fact]
    public async Task Unhandled_failure_fails_the_instance_with_details()
    {
        await using var engine = await StartAsync(r => r
            .AddActivity("Boom", _ => throw new InvalidOperationException("boom"))
            .AddOrchestrator("Fails", async ctx => { await ctx.CallActivityAsync("Boom"); return null; }));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Fails");
        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("boom", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task Idempotent_start_refuses_a_running_id_and_reuses_a_finished_one()
    {
        var release = new TaskCompletionSource();
        await using var engine = await StartAsync(r => r
            .AddOrchestrator("Waits", async ctx => await ctx.WaitForExternalEvent<string>("go")));

        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", null, new StartOrchestrationOptions("same-id"));
        var refused = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", "other input", new StartOrchestrationOptions("same-id")));
        Assert.Equal("same-id", refused.InstanceId);
        var page = await engine.Client.QueryInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "same-id" });
        Assert.Single(page.Items);

        await engine.Client.RaiseEventAsync("same-id", "go", "first");
        Assert.Equal("first", (await engine.WaitAsync("same-id")).ReadOutputAs<string>());

        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", null, new StartOrchestrationOptions("same-id"));
        await engine.Client.RaiseEventAsync("same-id", "go", "second");
        Assert.Equal("second", (await engine.WaitAsync("same-id")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Purge_deletes_finished_instances_only()
    {
        await using var engine = await StartAsync(r => r
            .AddOrchestrator("Quick", _ => Task.FromResult<object?>("done"))
            .AddOrchestrator("Waits", async ctx => await ctx.WaitForExternalEvent<string>("go")));

        var quick = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Quick");
        await engine.WaitAsync(quick);
        var waiting = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits");

        Assert.Equal(0, (await engine.Client.PurgeInstanceAsync(waiting)).PurgedInstanceCount);
        Assert.Equal(1, (await engine.Client.PurgeInstanceAsync(quick)).PurgedInstanceCount);
        Assert.Null(await engine.Client.GetInstanceAsync(quick));
        Assert.Null(await engine.Client.GetInstanceHistoryAsync(quick));
        Assert.NotNull(await engine.Client.GetInstanceAsync(waiting));
    }

    [Fact]
    public async Task Query_filters_by_status_prefix_and_time_and_pages_with_a_token()
    {
        await using var engine = await StartAsync(r => r
            .AddOrchestrator("Quick", _ => Task.FromResult<object?>("done"))
            .AddOrchestrator("Waits", async ctx => await ctx.WaitForExternalEvent<string>("go")));
        for (var i = 0; i < 7; i++) await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, new($"q-{i}")));
        for (var i = 0; i < 3; i++) await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", null, new($"w-{i}"));

        var completed = await engine.Client.QueryInstances(new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3,
        }).ToListAsync();
        var waiting = await engine.Client.QueryInstances(new OrchestrationQuery { InstanceIdPrefix = "w-", PageSize = 2 }).ToListAsync();
        var future = await engine.Client.QueryInstancesAsync(new OrchestrationQuery { CreatedFrom = DateTimeOffset.UtcNow.AddHours(1) });

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"q-{i}"), completed.Select(c => c.InstanceId));
        Assert.Equal(["w-0", "w-1", "w-2"], waiting.Select(w => w.InstanceId));
        Assert.Empty(future.Items);
    }
}
