using CampaignFlows.Functions;
using CampaignFlows.Durable;
using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Domain.Accounts;

namespace CampaignFlows.Orchestrations;

/// <summary>Runs one campaign: load the audience, then send it wave by wave with a health gate between waves.</summary>
/// <remarks>
/// <para>The history stays small at any audience size: recipients live in the campaign data store, waves run as
/// sub-orchestrations, and the campaign continues as new every few waves carrying only a checkpoint (the last planned
/// recipient sequence) and a short list of batches to retry.</para>
/// <para>Pause, resume and cancel arrive as external events and are obeyed between waves; a resumed campaign continues
/// from its checkpoint, and the recipient store never hands a recorded recipient to a sender again.</para>
/// </remarks>
public static class CampaignOrchestrator
{
    /// <summary>Decisions kept in the status.</summary>
    private const int DecisionsKept = 10;

    /// <summary>The orchestration.</summary>
    [Function(nameof(CampaignOrchestrator))]
    public static async Task<CampaignReport> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var run = ReadRun(context);
        var input = run.Input;
        if (run.Loaded is null)
        {
            if (input.StartAt is { } startAt && startAt.UtcDateTime > context.CurrentUtcDateTime)
            {
                context.SetCustomStatus(Status("scheduled", null, run));
                await context.CreateTimer(startAt.UtcDateTime, CancellationToken.None);
            }
            context.SetCustomStatus(Status("loading", null, run));
            run = run with { Loaded = await context.CallActivityAsync<AudienceLoaded>(nameof(LoadAudience), input, Retries.Transient(5)) };
        }

        var loaded = run.Loaded;
        var pause = context.WaitForExternalEvent<object?>(CampaignEvents.Pause);
        var cancel = context.WaitForExternalEvent<object?>(CampaignEvents.Cancel);
        for (var wave = 0; wave < loaded.Knobs.WavesPerGeneration; wave++)
        {
            if (cancel.IsCompleted) return await FinishAsync(context, run, "cancelled", "Cancelled by an operator.");
            if (pause.IsCompleted)
            {
                if (!await WaitForResumeAsync(context, run, "Paused by an operator.", cancel)) return await FinishAsync(context, run, "cancelled", "Cancelled by an operator.");
                pause = context.WaitForExternalEvent<object?>(CampaignEvents.Pause);
            }

            var pick = await context.CallActivityAsync<AccountPick>(nameof(ChooseAccount), input.Stream, Retries.Transient(5));
            if (pick.Account is null)
            {
                await context.CallActivityAsync(nameof(DeadLetterRemaining), new DeadLetterRequest(input.CampaignId, pick.Reason!), Retries.Transient(10));
                return await FinishAsync(context, run, "dead-lettered", pick.Reason);
            }

            var (batchSize, waveBatches) = BatchSizing.ForWave(loaded.Knobs.BatchSize, loaded.Knobs.WaveBatches, pick.Rate, pick.QuotaLeft, loaded.Knobs.WaveSeconds);
            var batches = new List<PlannedBatch>(run.Leftover ?? []);
            var checkpoint = run.Checkpoint;
            if (batches.Count < waveBatches)
            {
                var plan = await context.CallActivityAsync<PlannedWave>(nameof(PlanBatches),
                    new PlanRequest(input.CampaignId, run.Checkpoint, waveBatches - batches.Count, batchSize), Retries.Transient(5));
                batches.AddRange(plan.Batches);
                checkpoint = plan.Checkpoint;
            }
            if (batches.Count == 0)
            {
                var unfinished = await context.CallActivityAsync<int[]>(nameof(FindUnfinishedBatches), input.CampaignId, Retries.Transient(5));
                if (unfinished.Length == 0) return await FinishAsync(context, run, "completed", null);
                batches.AddRange(unfinished.Take(waveBatches).Select(b => new PlannedBatch(b, BatchSizing.SesMaximum)));
            }

            run = run with { FirstSendAt = run.FirstSendAt ?? context.CurrentUtcDateTime };
            context.SetCustomStatus(Status("sending", null, run, pick.Account));
            var result = await context.CallSubOrchestratorAsync<WaveResult>(nameof(SendWaveOrchestrator),
                new WaveInput(input.CampaignId, batches, pick.Account, input.FromAddress, loaded.TemplateName,
                    input.ConfigurationSetName ?? pick.ConfigurationSetName, input.PriorityWeight, loaded.Knobs, batchSize),
                new SubOrchestrationOptions($"{input.CampaignId}:g{run.Generation}:w{wave}"));
            run = run with { Checkpoint = checkpoint, Leftover = result.Unfinished };
            if (result.AccountProblem is { } problem)
            {
                await context.CallActivityAsync(nameof(OpenAccountCircuit), new AccountTrip(pick.Account, problem), Retries.Transient(5));
                run = Decide(run, $"{pick.Account}: {problem}; failing over");
            }

            var verdict = await context.CallActivityAsync<HealthVerdict>(nameof(CheckCampaignHealth),
                new HealthCheck(input.CampaignId, pick.Account, run.FirstSendAt, input.Stream), Retries.Transient(5));
            context.SetCustomStatus(verdict.Progress with { Account = pick.Account, Decisions = run.Decisions });
            switch (verdict.Action)
            {
                case "PauseCampaign":
                    run = Decide(run, verdict.Reason);
                    if (!await WaitForResumeAsync(context, run, verdict.Reason, cancel)) return await FinishAsync(context, run, "cancelled", "Cancelled by an operator.");
                    break;
                case "SwitchAccount":
                    run = Decide(run, verdict.Reason);
                    await context.CallActivityAsync(nameof(OpenAccountCircuit), new AccountTrip(pick.Account, verdict.Reason), Retries.Transient(5));
                    break;
                case "HoldLowPriority":
                    run = Decide(run, verdict.Reason);
                    if (!await HoldAsync(context, run, verdict, cancel)) return await FinishAsync(context, run, "cancelled", "Cancelled by an operator.");
                    break;
            }
        }

        // A pause or cancel that arrived during the last wave has been taken by this generation's waits: carrying only
        // unprocessed events over would lose it, so it is obeyed here.
        if (cancel.IsCompleted) return await FinishAsync(context, run, "cancelled", "Cancelled by an operator.");
        if (pause.IsCompleted && !await WaitForResumeAsync(context, run, "Paused by an operator.", cancel))
            return await FinishAsync(context, run, "cancelled", "Cancelled by an operator.");
        context.ContinueAsNew(run with { Generation = run.Generation + 1 }, preserveUnprocessedEvents: true);
        return null!;
    }

    /// <summary>Waits for an operator's resume or cancel; true when resumed.</summary>
    private static async Task<bool> WaitForResumeAsync(TaskOrchestrationContext context, CampaignRun run, string reason, Task<object?> cancel)
    {
        context.SetCustomStatus(Status("paused", reason, run));
        var resume = context.WaitForExternalEvent<object?>(CampaignEvents.Resume);
        var first = await Task.WhenAny(resume, cancel);
        return first == resume;
    }

    /// <summary>Holds the campaign while the account's quota is kept for higher-priority streams; false when cancelled meanwhile.</summary>
    private static async Task<bool> HoldAsync(TaskOrchestrationContext context, CampaignRun run, HealthVerdict verdict, Task<object?> cancel)
    {
        context.SetCustomStatus(Status("held", verdict.Reason, run) with { Sent = verdict.Progress.Sent, Queued = verdict.Progress.Queued });
        using var timerCancellation = new CancellationTokenSource();
        var recheck = context.CreateTimer(context.CurrentUtcDateTime + (verdict.HoldFor ?? TimeSpan.FromMinutes(10)), timerCancellation.Token);
        if (await Task.WhenAny(recheck, cancel) == recheck) return true;
        timerCancellation.Cancel();
        return false;
    }

    private static async Task<CampaignReport> FinishAsync(TaskOrchestrationContext context, CampaignRun run, string status, string? reason)
    {
        if (status == "cancelled")
            await context.CallActivityAsync(nameof(CancelRemaining), new DeadLetterRequest(run.Input.CampaignId, reason ?? "cancelled"), Retries.Transient(5));
        var report = await context.CallActivityAsync<CampaignReport>(nameof(SummarizeCampaign),
            new SummaryRequest(run.Input.CampaignId, status, reason, run.Loaded, run.FirstSendAt), Retries.Transient(5));
        context.SetCustomStatus(Status(status, reason, run) with { Sent = report.Sent, Failed = report.Failed, DeadLettered = report.DeadLettered });
        return report;
    }

    private static CampaignRun ReadRun(TaskOrchestrationContext context)
    {
        var run = context.GetInput<CampaignRun>();
        return run?.Input is not null ? run : new CampaignRun(context.GetInput<CampaignInput>()
            ?? throw new InvalidOperationException("CampaignOrchestrator needs a CampaignInput."));
    }

    private static CampaignRun Decide(CampaignRun run, string decision) =>
        run with { Decisions = [.. (run.Decisions ?? []).TakeLast(DecisionsKept - 1), decision] };

    private static CampaignProgress Status(string state, string? reason, CampaignRun run, string? account = null) =>
        new(state, run.Loaded?.Inserted ?? 0, 0, 0, 0, 0, run.Loaded?.Rejected ?? 0, 0, 0, 0, 0, 0, null, reason, account, run.Decisions);
}
