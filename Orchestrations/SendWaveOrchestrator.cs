using CampaignFlows.Functions;
using CampaignFlows.Durable;
using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Domain.Accounts;

namespace CampaignFlows.Orchestrations;

/// <summary>Sends one wave of a campaign: every batch at once, metered by the engine's flow controls.</summary>
/// <remarks>
/// Each batch spends tokens from the account's per-second rate key and its 24-hour quota key (one token per
/// recipient), so no wave, host or campaign can push the account past its limits; the campaign id is the fairness
/// key, so campaigns sharing an account share it by weight. A call carries at most the wave's batch size (fitted to the
/// account's rate), so a batch planned larger, before the rate fell, goes out in pieces over later waves. A throttled batch is re-queued by the engine without
/// spending an attempt; transient failures are retried with back-off.
/// </remarks>
public static class SendWaveOrchestrator
{
    /// <summary>The orchestration.</summary>
    [Function(nameof(SendWaveOrchestrator))]
    public static async Task<WaveResult> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var wave = context.GetInput<WaveInput>() ?? throw new InvalidOperationException("SendWaveOrchestrator needs a WaveInput.");
        var retry = Retries.Transient(wave.Knobs.MaxSendAttempts).Retry;
        var fairness = new Fairness(wave.CampaignId, Math.Max(1, wave.Weight));
        var size = BatchSizing.Fit(wave.BatchSize, null);
        var sends = wave.Batches.Select(batch => SendAsync(context, batch,
            new SendBatch(wave.CampaignId, batch.Batch, wave.Account, wave.FromAddress, wave.TemplateName, wave.ConfigurationSetName, size),
            new TaskOptions(retry)
            {
                RateLimits = [new RateLimit(MailAccounts.RateKey(wave.Account), Math.Min(batch.Count, size)),
                    new RateLimit(MailAccounts.QuotaKey(wave.Account), Math.Min(batch.Count, size))],
                Fairness = fairness,
                Priority = wave.Knobs.Priority,
            })).ToArray();
        var results = await Task.WhenAll(sends);

        var unfinished = results.Where(r => r.Result is null || r.Result.Unsent > 0 || r.Result.MoreLeft)
            .Select(r => r.Batch with { Count = Left(r.Batch, r.Result) }).ToArray();
        var problem = results.Select(r => r.Result?.AccountProblem).FirstOrDefault(p => p is not null);
        return new WaveResult(results.Sum(r => (long)(r.Result?.Sent ?? 0)), results.Sum(r => (long)(r.Result?.Failed ?? 0)),
            unfinished, problem, results.Count(r => r.Result is null));
    }

    /// <summary>Recipients the batch may still hold: an upper bound, used as the next call's cost before the size cap.</summary>
    private static int Left(PlannedBatch batch, BatchResult? result) => result switch
    {
        null => batch.Count,
        { MoreLeft: true } => Math.Max(1, batch.Count - result.Sent - result.Failed),
        _ => result.Unsent,
    };

    private static async Task<(PlannedBatch Batch, BatchResult? Result)> SendAsync(TaskOrchestrationContext context, PlannedBatch planned,
        SendBatch batch, TaskOptions options)
    {
        try
        {
            return (planned, await context.CallActivityAsync<BatchResult>(nameof(SendBulkEmail), batch, options));
        }
        catch (TaskFailedException)
        {
            return (planned, null);
        }
    }
}
