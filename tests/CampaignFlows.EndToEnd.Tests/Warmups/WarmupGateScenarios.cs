using System.Net;
using CampaignFlows.Warmups;

namespace CampaignFlows.EndToEnd.Tests.Warmups;

/// <summary>
/// Bounces injected by switching a spike domain of the audience to bounce in the sandbox for one calendar day. At 1/5 of
/// a 2,800 target each day sends over 100 mails, about 3% of them to the day's spike domain.
/// </summary>
public sealed class WarmupGateScenarios
{
    private const long Target = WarmupRun.Target;
    private const int Divisor = 5;

    [Fact]
    public async Task BounceSpikeHoldsTheVolumeThatDayAndAdvancesTheNext()
    {
        await using var run = await WarmupRun.StartAsync(Target, Divisor, 3);
        Assert.Equal(HttpStatusCode.Accepted, (await run.PostAsync(Target)).StatusCode);

        await run.RunDaysAsync(5);

        var days = (await run.ViewAsync()).Days;
        Assert.Equal(["advance", "advance", "hold", "advance", "advance"], days.Select(d => d.Decision));
        Assert.Equal([1, 2, 3, 3, 4], days.Select(d => d.PlanDay ?? 0));
        Assert.True(days[2].BounceRate >= 0.02, $"the spike day bounced {days[2].BounceRate:P2}");
        Assert.Equal(days[2].Planned, days[3].Planned);
        Assert.Equal(0, days[3].BounceRate);
    }

    [Fact]
    public async Task ThreeBadDaysPauseUntilTheOperatorAdvances()
    {
        await using var run = await WarmupRun.StartAsync(Target, Divisor, 2, 3, 4);
        Assert.Equal(HttpStatusCode.Accepted, (await run.PostAsync(Target)).StatusCode);

        var paused = await run.RunDaysAsync(6);

        Assert.Equal(("paused", 4), (paused.Status?.Phase, paused.Status?.Round));
        var days = (await run.ViewAsync()).Days;
        Assert.Equal(["advance", "hold", "hold", "pause"], days.Select(d => d.Decision));
        Assert.Equal([1, 2, 2, 2], days.Select(d => d.PlanDay ?? 0));

        var advance = await run.App.Client.PostAsync($"/api/warmups/{WarmupRun.Id}/{WarmupSignal.AdvanceKind}?reason=checked", null);
        Assert.Equal(HttpStatusCode.Accepted, advance.StatusCode);
        await run.RunUntilAsync(s => s.Status is { Phase: "waiting", Round: >= 5 });

        days = (await run.ViewAsync()).Days;
        Assert.Equal(5, days.Count);
        Assert.Equal((3, "advance"), (days[4].PlanDay ?? 0, days[4].Decision));
        Assert.StartsWith("advance", (await run.ViewAsync()).Summary.Status?.LastOperatorAction);
    }
}
