namespace CampaignFlows.EndToEnd.Tests.Warmups;

public sealed class WarmupRestartScenarios
{
    private const long Target = WarmupRun.Target;
    private const int Divisor = 10;
    private const int DaysBeforeRestart = 4;
    private const int DaysAfterRestart = 3;

    [Fact]
    public async Task HostRestartMidWarmupResumesFromTheNextPlanDayWithoutStepsTwiceOrGaps()
    {
        await using var run = await WarmupRun.StartAsync(Target, Divisor);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await run.PostAsync(Target)).StatusCode);
        var before = await run.RunDaysAsync(DaysBeforeRestart);
        // Four days advanced: the plan day next to send is the fifth.
        Assert.Equal(("waiting", DaysBeforeRestart, DaysBeforeRestart + 1), (before.Status!.Phase, before.Status.Round, before.Status.PlanDay));
        var sentBefore = run.App.Sandbox.State.SentMessages().Sum(m => m.To.Count);

        await run.RestartAsync(DaysBeforeRestart + 1);

        var resumed = await run.ViewAsync();
        Assert.Equal("Running", resumed.Summary.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, DaysBeforeRestart), resumed.Days.Select(d => d.Day));
        var after = await run.RunDaysAsync(DaysBeforeRestart + DaysAfterRestart);

        Assert.Equal(("waiting", DaysBeforeRestart + DaysAfterRestart, DaysBeforeRestart + DaysAfterRestart + 1), (after.Status!.Phase, after.Status.Round, after.Status.PlanDay));
        var view = await run.ViewAsync();
        var days = Enumerable.Range(1, DaysBeforeRestart + DaysAfterRestart);
        Assert.Equal(days, view.Days.Select(d => d.Day));
        Assert.Equal(days, view.Days.Select(d => d.PlanDay ?? 0));
        Assert.All(view.Days, d => Assert.Equal("advance", d.Decision));
        Assert.All(view.Days.Skip(DaysBeforeRestart), d => Assert.Contains("stepped by timer", d.Reason));
        var sentAfter = run.App.Sandbox.State.SentMessages().Sum(m => m.To.Count);
        Assert.Equal(view.Days.Skip(DaysBeforeRestart).Sum(d => d.Sent), sentAfter);
        Assert.Equal(view.Days.Take(DaysBeforeRestart).Sum(d => d.Sent), sentBefore);
    }
}
