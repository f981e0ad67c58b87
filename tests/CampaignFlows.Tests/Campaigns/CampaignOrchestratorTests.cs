using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Domain.Accounts;

namespace CampaignFlows.Tests.Campaigns;

public sealed class CampaignOrchestratorTests
{
    private static PlannedWave Wave(long checkpoint, params int[] batches) => new([.. batches.Select(b => new PlannedBatch(b, 50))], checkpoint);

    private static CampaignScript ThreeWaves(CampaignScript? script = null)
    {
        script ??= new CampaignScript();
        script.Plans.Enqueue(Wave(100, 1, 2));
        script.Plans.Enqueue(Wave(200, 3, 4));
        script.Plans.Enqueue(Wave(300, 5, 6));
        return script;
    }

    private static HealthVerdict Verdict(string action, string reason) => new(action, reason, CampaignScript.Progress("sending"));

    [Fact]
    public async Task Run_PausedBetweenWaves_WaitsForResumeThenContinuesFromItsCheckpoint()
    {
        var script = ThreeWaves();
        script.Activity(nameof(CheckCampaignHealth), _ =>
        {
            if (script.Calls(nameof(CheckCampaignHealth)) == 1) script.RaisePause();
            return Verdict("Continue", "");
        });

        var run = script.Run();

        Assert.False(run.IsCompleted);
        Assert.Single(script.Waves);
        Assert.Equal("paused", script.States.Last());
        Assert.Equal(1, script.Calls(nameof(ChooseAccount)));

        script.RaiseResume();
        await run;

        Assert.Equal([[1, 2], [3, 4], [5, 6]], script.Waves.Select(w => w.Batches.Select(b => b.Batch).ToArray()));
        Assert.Equal([0L, 100, 200], script.Inputs<PlanRequest>(nameof(PlanBatches)).Select(p => p.Checkpoint));
        Assert.Equal(1, script.States.Count(s => s == "paused"));
        Assert.NotNull(script.ContinuedWith);
    }

    [Fact]
    public async Task Run_CancelledDuringAWave_CancelsTheRestAndReportsCancelled()
    {
        var script = ThreeWaves();
        script.Activity(nameof(CheckCampaignHealth), _ =>
        {
            script.Cancel.TrySetResult(null);
            return Verdict("Continue", "");
        });

        var report = await script.Run();

        Assert.Single(script.Waves);
        Assert.Equal("cmp-1", script.Inputs<DeadLetterRequest>(nameof(CancelRemaining)).Single().CampaignId);
        Assert.Equal("cancelled", report.Status);
        Assert.Equal("cancelled", script.Summary!.Status);
        Assert.Equal("cancelled", script.States.Last());
        Assert.Null(script.ContinuedWith);
    }

    [Fact]
    public async Task Run_CancelledWhilePaused_CancelsWithoutAnotherWave()
    {
        var script = ThreeWaves();
        script.Verdicts.Enqueue(Verdict("PauseCampaign", "bounce rate 6.0% >= 5%"));

        var run = script.Run();
        Assert.False(run.IsCompleted);
        script.Cancel.SetResult(null);
        var report = await run;

        Assert.Single(script.Waves);
        Assert.Equal(1, script.Calls(nameof(CancelRemaining)));
        Assert.Equal("cancelled", report.Status);
    }

    [Fact]
    public async Task Run_NoAccountCanSend_DeadLettersTheRestWithTheReason()
    {
        var script = ThreeWaves();
        script.Picks.Enqueue(new AccountPick(null, null, "every marketing account is paused"));

        var report = await script.Run();

        Assert.Empty(script.Waves);
        Assert.Equal(new DeadLetterRequest("cmp-1", "every marketing account is paused"), script.Inputs<DeadLetterRequest>(nameof(DeadLetterRemaining)).Single());
        Assert.Equal("dead-lettered", report.Status);
        Assert.Equal("every marketing account is paused", script.Summary!.Reason);
        Assert.Equal(0, script.Calls(nameof(CancelRemaining)));
    }

    [Fact]
    public async Task Run_HealthGateSaysPause_WaitsForResumeWithTheReasonInStatus()
    {
        var script = ThreeWaves();
        script.Verdicts.Enqueue(Verdict("PauseCampaign", "bounce rate 6.0% >= 5%"));

        var run = script.Run();

        Assert.False(run.IsCompleted);
        var paused = Assert.IsType<CampaignProgress>(script.Statuses.Last());
        Assert.Equal(("paused", "bounce rate 6.0% >= 5%"), (paused.State, paused.Reason));
        Assert.Contains("bounce rate 6.0% >= 5%", paused.Decisions!);
        Assert.Single(script.Waves);

        script.RaiseResume();
        await run;

        Assert.Equal(3, script.Waves.Count);
    }

    [Fact]
    public async Task Run_HealthGateSaysSwitchAccount_OpensTheCircuitAndTheNextWaveUsesTheNextPick()
    {
        var script = ThreeWaves();
        script.Verdicts.Enqueue(Verdict("SwitchAccount", "error rate 12% over 2 windows"));
        script.Picks.Enqueue(new AccountPick("marketing-primary", null, null));
        script.Picks.Enqueue(new AccountPick("marketing-backup", "backup-set", null));

        await script.Run();

        Assert.Equal(new AccountTrip("marketing-primary", "error rate 12% over 2 windows"), script.Inputs<AccountTrip>(nameof(OpenAccountCircuit)).Single());
        Assert.Equal(["marketing-primary", "marketing-backup"], script.Waves.Take(2).Select(w => w.Account));
        Assert.Equal("backup-set", script.Waves[1].ConfigurationSetName);
    }

    [Fact]
    public async Task Run_WaveReportsAnAccountProblem_OpensTheCircuitAndCarriesTheUnsentBatchesOver()
    {
        var script = ThreeWaves();
        script.WaveAnswer = wave => wave.Batches[0].Batch == 1
            ? new WaveResult(60, 0, [new PlannedBatch(2, 40)], "SendingPausedException: paused", 0)
            : new WaveResult(100, 0, [], null, 0);

        await script.Run();

        Assert.Equal(new AccountTrip("marketing-primary", "SendingPausedException: paused"), script.Inputs<AccountTrip>(nameof(OpenAccountCircuit)).Single());
        Assert.Equal([new PlannedBatch(2, 40), new PlannedBatch(3, 50)], script.Waves[1].Batches);
        Assert.Equal(1, script.Inputs<PlanRequest>(nameof(PlanBatches)).ElementAt(1).MaxBatches);
    }

    [Fact]
    public async Task Run_AfterWavesPerGeneration_ContinuesAsNewWithTheCheckpointAndLeftover()
    {
        var script = ThreeWaves();
        script.WaveAnswer = wave => new WaveResult(50, 0, wave.Batches[0].Batch == 5 ? [new PlannedBatch(6, 20)] : [], null, 0);

        var report = await script.Run();

        Assert.Null(report);
        Assert.Equal(CampaignScript.Knobs.WavesPerGeneration, script.Waves.Count);
        var next = Assert.IsType<CampaignRun>(script.ContinuedWith);
        Assert.Equal((300L, 1), (next.Checkpoint, next.Generation));
        Assert.Equal([new PlannedBatch(6, 20)], next.Leftover);
        Assert.Equal(script.Input, next.Input);
        Assert.NotNull(next.Loaded);
        Assert.Equal(CampaignScript.Now, next.FirstSendAt);
        Assert.Null(script.Summary);
    }

    [Fact]
    public async Task Run_NextGeneration_SendsTheLeftoverFirstWithoutLoadingAgain()
    {
        var loaded = new AudienceLoaded(10, 10, 0, 0, 0, "tpl", CampaignScript.Knobs);
        var script = new CampaignScript(new CampaignRun(new CampaignScript().Input, loaded, Checkpoint: 300, Leftover: [new PlannedBatch(6, 20)], Generation: 1));
        script.Plans.Enqueue(Wave(350, 7));

        var report = await script.Run();

        Assert.Equal(0, script.Calls(nameof(LoadAudience)));
        Assert.Equal([new PlannedBatch(6, 20), new PlannedBatch(7, 50)], script.Waves[0].Batches);
        Assert.Equal((300L, 1), script.Inputs<PlanRequest>(nameof(PlanBatches)).Select(p => (p.Checkpoint, p.MaxBatches)).First());
        Assert.Equal("completed", report.Status);
    }

    [Theory]
    [InlineData(50, 14.0, 14)]
    [InlineData(50, 0.5, 1)]
    [InlineData(20, 500.0, 20)]
    [InlineData(0, null, 50)]
    public async Task Run_AccountRateInForce_PlansAndSendsBatchesFittedToIt(int configured, double? rate, int expected)
    {
        var loaded = new AudienceLoaded(10, 10, 0, 0, 0, "tpl", CampaignScript.Knobs with { BatchSize = configured });
        var script = ThreeWaves();
        script.Activity(nameof(LoadAudience), _ => loaded);
        script.Picks.Enqueue(new AccountPick("marketing-slow", null, null, rate));

        await script.Run();

        Assert.Equal(BatchSizing.Fit(configured, rate), expected);
        Assert.Equal(expected, script.Inputs<PlanRequest>(nameof(PlanBatches)).First().BatchSize);
        Assert.Equal(expected, script.Waves[0].BatchSize);
    }

    [Fact]
    public async Task Run_StartAtInTheFuture_WaitsOnATimerBeforeLoading()
    {
        var startAt = new DateTimeOffset(CampaignScript.Now.AddHours(2), TimeSpan.Zero);
        var script = ThreeWaves(new CampaignScript(input: new CampaignScript().Input with { StartAt = startAt }));

        var run = script.Run();

        Assert.False(run.IsCompleted);
        Assert.Equal([startAt.UtcDateTime], script.Timers);
        Assert.Empty(script.Activities);
        Assert.Equal("scheduled", script.States.Single());

        script.Timer.SetResult();
        await run;

        Assert.Equal(nameof(LoadAudience), script.Activities[0].Name);
        Assert.Equal(3, script.Waves.Count);
    }

    [Fact]
    public async Task Run_StartAtInThePast_LoadsAtOnce()
    {
        var script = ThreeWaves(new CampaignScript(input: new CampaignScript().Input with { StartAt = new DateTimeOffset(CampaignScript.Now.AddMinutes(-1), TimeSpan.Zero) }));

        await script.Run();

        Assert.Empty(script.Timers);
        Assert.Equal(1, script.Calls(nameof(LoadAudience)));
    }

    [Fact]
    public async Task Run_NothingLeftToPlanOrRetry_CompletesWithTheReport()
    {
        var script = new CampaignScript();
        script.Plans.Enqueue(Wave(100, 1));

        var report = await script.Run();

        Assert.Single(script.Waves);
        Assert.Equal("completed", report.Status);
        Assert.Equal(1, script.Calls(nameof(FindUnfinishedBatches)));
        Assert.Equal("completed", script.States.Last());
    }
}
