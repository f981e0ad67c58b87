using CampaignFlows.Domain;
using CampaignFlows.Orchestrations;
using CampaignFlows.Warmups;

namespace CampaignFlows.Tests.Warmups;

public sealed class WarmupOrchestratorTests
{
    private static readonly WarmupPlan Plan = WarmupPlan.ForTarget(1_000_000);

    [Fact]
    public async Task Run_DailySteps_SendsOnePlanDayPerDateAndContinuesAsNewAfterAWeek()
    {
        var script = new WarmupScript(WarmupScript.NewInput());
        for (var d = 1; d <= 6; d++) script.Step(d);

        var result = await script.RunAsync();

        Assert.Equal("continued", result!.Outcome);
        Assert.Equal(Enumerable.Range(1, 7), script.Days.Select(d => d.PlanDay));
        Assert.Equal(Plan.Days.Take(7).Select(p => p.Volume), script.Days.Select(d => d.Planned));
        Assert.All(script.Days, d => Assert.Equal("advance", d.Decision));
        Assert.Equal("start", script.Days[0].SteppedBy);
        Assert.All(script.Days.Skip(1), d => Assert.Equal("timer", d.SteppedBy));
        var next = script.ContinuedWith!.Cursor;
        Assert.Equal(8, next.Progress.Day);
        Assert.Equal(7, next.Round);
        Assert.Equal(WarmupScript.Date(6), next.LastStepDate);
        Assert.Equal(1, next.Generation);
    }

    [Fact]
    public async Task Run_NoStepWithin26Hours_FallbackTimerStepsTheDay()
    {
        var script = new WarmupScript(WarmupScript.NewInput()).Timeout();

        await script.RunAsync();

        Assert.Equal(2, script.Days.Count);
        Assert.Equal(WarmupOrchestrator.FallbackStep, script.Days[1].SteppedBy);
        Assert.Equal(2, script.Days[1].PlanDay);
        Assert.True(script.Days[1].RecordedAt >= WarmupScript.Start + TimeSpan.FromHours(26));
    }

    [Fact]
    public async Task Run_DuplicateAndStaleSteps_NeverStepADayTwice()
    {
        var script = new WarmupScript(WarmupScript.NewInput())
            .Step(0)
            .Step(1)
            .Step(1)
            .Step(0)
            .Step(2);

        await script.RunAsync();

        Assert.Equal([1, 2, 3], script.Days.Select(d => d.PlanDay));
        Assert.Equal([1, 2, 3], script.Days.Select(d => d.Round));
    }

    [Fact]
    public async Task Run_FallbackThenLateTimerStepForTheSameDate_IgnoresTheTimerStep()
    {
        var script = new WarmupScript(WarmupScript.NewInput()).Timeout().Step(1).Step(2);

        await script.RunAsync();

        Assert.Equal(["start", WarmupOrchestrator.FallbackStep, "timer"], script.Days.Select(d => d.SteppedBy));
        Assert.Equal([1, 2, 3], script.Days.Select(d => d.PlanDay));
    }

    [Fact]
    public async Task Run_BouncySpikeDay_HoldsTheVolumeThenAdvancesWhenHealthy()
    {
        var script = new WarmupScript(WarmupScript.NewInput()).Step(1).Step(2).Step(3);
        script.BounceRateByRound[2] = 0.05m;

        await script.RunAsync();

        Assert.Equal(["advance", "hold", "advance", "advance"], script.Days.Select(d => d.Decision));
        Assert.Equal([1, 2, 2, 3], script.Days.Select(d => d.PlanDay));
        Assert.Equal(script.Days[1].Planned, script.Days[2].Planned);
        Assert.Contains("bounce", script.Days[1].Reason);
    }

    [Fact]
    public async Task Run_ThreeFailedDays_PausesIgnoresStepsAndResumesOnOperatorEvent()
    {
        var script = new WarmupScript(WarmupScript.NewInput()).Step(1).Step(2).Step(3).Step(4).Operator(WarmupSignal.ResumeKind).Step(5).Step(6);
        foreach (var round in new[] { 2, 3, 4 }) script.BounceRateByRound[round] = 0.10m;

        await script.RunAsync();

        Assert.Equal(["advance", "hold", "hold", "pause"], script.Days.Take(4).Select(d => d.Decision));
        Assert.Contains(script.Statuses, s => s.Phase == "paused");
        Assert.Equal(6, script.Days.Count);
        Assert.Equal(2, script.Days[4].PlanDay);
        Assert.Equal("advance", script.Days[4].Decision);
        Assert.Equal(3, script.Days[5].PlanDay);
        Assert.StartsWith("resume", script.Statuses[^1].LastOperatorAction);
    }

    [Fact]
    public async Task Run_OperatorAdvanceWhilePaused_MovesToTheNextPlanDay()
    {
        var script = new WarmupScript(WarmupScript.NewInput()).Step(1).Step(2).Operator(WarmupSignal.AdvanceKind).Step(3);
        foreach (var round in new[] { 1, 2, 3 }) script.BounceRateByRound[round] = 0.10m;

        await script.RunAsync();

        Assert.Equal("pause", script.Days[2].Decision);
        Assert.Equal(2, script.Days[3].PlanDay);
    }

    [Fact]
    public async Task Run_CancelSignal_EndsTheWarmupCancelled()
    {
        var script = new WarmupScript(WarmupScript.NewInput()).Step(1).Operator(WarmupSignal.CancelKind);

        var result = await script.RunAsync();

        Assert.Equal("cancelled", result!.Outcome);
        Assert.Equal(2, result.Rounds);
        Assert.Equal("cancelled", script.Statuses[^1].Phase);
    }

    [Fact]
    public async Task Run_LastPlanDayPasses_CompletesTheWarmup()
    {
        var cursor = new WarmupCursor(new WarmupProgress(Day: 28), Round: 27, LastStepDate: WarmupScript.Date(0), LastStepAt: WarmupScript.Start);
        var script = new WarmupScript(WarmupScript.NewInput(cursor: cursor)).Step(1);

        var result = await script.RunAsync();

        Assert.Equal("completed", result!.Outcome);
        Assert.Equal(28, script.Days.Single().PlanDay);
        Assert.Equal(1_000_000, script.Days.Single().Planned);
        Assert.Equal("completed", script.Statuses[^1].Phase);
    }

    [Fact]
    public async Task Run_Day_SplitsVolumeBetweenDedicatedIpAndSharedPoolByTier()
    {
        var script = new WarmupScript(WarmupScript.NewInput());

        await script.RunAsync();

        var day1 = WarmupDayTarget.For(Plan, 1);
        var dip = Assert.Single(script.Campaigns, c => c.CampaignId.EndsWith("-dip", StringComparison.Ordinal));
        var shared = Assert.Single(script.Campaigns, c => c.CampaignId.EndsWith("-shared", StringComparison.Ordinal));
        Assert.Equal(day1.Split.DedicatedIp, dip.Audience.Limit);
        Assert.Equal("warmup-192.0.2.1", dip.ConfigurationSetName);
        Assert.Equal(day1.Split.SharedPool, shared.Audience.Limit);
        Assert.Equal(day1.Split.DedicatedIp, shared.Audience.Skip);
        Assert.Equal("shared-pool", shared.ConfigurationSetName);
        Assert.All(script.Campaigns, c => Assert.Equal(80, c.Audience.MinEngagementScore));
        Assert.Equal(500, script.Days.Single().Sent);
    }

    [Fact]
    public async Task Run_SesAutoMode_SizesTheShareFromSesAndRaisesItWhenThePlanIsAhead()
    {
        var script = new WarmupScript(WarmupScript.NewInput(WarmupModes.SesAuto)) { SesState = new SesWarmupState(0, "IN_PROGRESS") };

        await script.RunAsync();

        var day = script.Days.Single();
        Assert.Equal(0, day.Dip);
        Assert.Equal(500, day.Shared);
        var change = Assert.Single(script.PercentChanges);
        Assert.Equal("192.0.2.1", change.Target.Ip);
        Assert.Equal((int)decimal.Floor(Plan.Day(1).WarmupPercent), change.Percentage);
    }

    [Fact]
    public async Task Run_SesAutoModeWithADoneIp_SendsEverythingThroughTheDedicatedIp()
    {
        var script = new WarmupScript(WarmupScript.NewInput(WarmupModes.SesAuto)) { SesState = new SesWarmupState(40, "DONE") };

        await script.RunAsync();

        Assert.Equal(500, script.Days.Single().Dip);
        Assert.Empty(script.PercentChanges);
    }

    [Fact]
    public async Task Run_StartInTheFuture_WaitsForTheStartTimer()
    {
        var input = WarmupScript.NewInput();
        input = input with { Settings = input.Settings with { StartAt = WarmupScript.Start.AddDays(3) } };
        var script = new WarmupScript(input);

        await script.RunAsync();

        Assert.Equal("scheduled", script.Statuses[0].Phase);
        Assert.True(script.Days.Single().RecordedAt >= WarmupScript.Start.AddDays(3));
    }

    [Fact]
    public async Task Run_VolumeDivisor_SendsADividedShareAndRecordsThePlannedFigures()
    {
        var input = WarmupScript.NewInput();
        var script = new WarmupScript(input with { Settings = input.Settings with { VolumeDivisor = 100 } });

        await script.RunAsync();

        var day1 = WarmupDayTarget.For(Plan, 1);
        var sending = TrafficSplit.For(5, day1.WarmupPercent);
        Assert.Equal(5, script.Campaigns.Sum(c => c.Audience.Limit ?? 0));
        Assert.Equal(sending.SharedPool, Assert.Single(script.Campaigns, c => c.CampaignId.EndsWith("-shared", StringComparison.Ordinal)).Audience.Limit);
        var day = script.Days.Single();
        Assert.Equal((500L, day1.Split.DedicatedIp, day1.Split.SharedPool, 5L), (day.Planned, day.Dip, day.Shared, day.Sent));
    }
}
