using CampaignFlows.Domain;

namespace CampaignFlows.EndToEnd.Tests.Warmups;

public sealed class WarmupScenarios
{
    private const long Target = WarmupRun.Target;
    private const int Divisor = 10;

    [Fact]
    public async Task HealthyWarmupStepsEachPlanDayOnceFromTheTimerAndCompletes()
    {
        await using var run = await WarmupRun.StartAsync(Target, Divisor);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await run.PostAsync(Target)).StatusCode);

        var end = await run.RunUntilAsync(_ => false);

        Assert.Equal("Completed", end.RuntimeStatus);
        var view = await run.ViewAsync();
        var plan = WarmupPlan.ForTarget(Target).Days;
        Assert.Equal(Enumerable.Range(1, 28), view.Days.Select(d => d.Day));
        Assert.Equal(Enumerable.Range(1, 28), view.Days.Select(d => d.PlanDay ?? 0));
        Assert.All(view.Days, d => Assert.Equal("advance", d.Decision));
        Assert.Equal(plan.Select(p => p.Volume), view.Days.Select(d => d.Planned));
        Assert.Equal(plan.Select(p => (p.Volume + Divisor - 1) / Divisor), view.Days.Select(d => d.Sent));
        Assert.Contains("stepped by start", view.Days[0].Reason);
        Assert.All(view.Days.Skip(1), d => Assert.Contains("stepped by timer", d.Reason));
        Assert.Equal(view.Days.Sum(d => d.Sent), run.App.Sandbox.State.SentMessages().Sum(m => m.To.Count));
        Assert.All(view.Plan, p => Assert.Equal((1, "advance"), (p.Rounds, p.Decision)));
    }
}
