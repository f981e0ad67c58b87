using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>
/// When no account can take a campaign's stream, moves every recipient not yet sent to the SQS dead-letter queue
/// with the reason, batch by batch, so nothing is dropped and everything can be replayed later.
/// </summary>
public sealed class DeadLetterRemaining(IRecipientBatches batches, DeadLetterQueue deadLetters, TimeProvider time)
{
    /// <summary>The activity.</summary>
    [Function(nameof(DeadLetterRemaining))]
    public async Task<long> Run([ActivityTrigger] DeadLetterRequest request, CancellationToken cancellation)
    {
        long moved = 0;
        for (var checkpoint = 0L; ;)
        {
            var plan = await batches.PlanBatchesAsync(request.CampaignId, checkpoint, 100, cancellationToken: cancellation);
            if (plan.Batches.Count == 0) break;
            foreach (var batch in plan.Batches) moved += await MoveAsync(request, batch.Batch, cancellation);
            checkpoint = plan.Checkpoint;
        }
        for (var unfinished = await batches.FindUnfinishedBatchesAsync(request.CampaignId, 1_000, cancellation); unfinished.Count > 0;
             unfinished = await batches.FindUnfinishedBatchesAsync(request.CampaignId, 1_000, cancellation))
        {
            foreach (var batch in unfinished) moved += await MoveAsync(request, batch, cancellation);
        }
        return moved;
    }

    private async Task<int> MoveAsync(DeadLetterRequest request, int batch, CancellationToken cancellation)
    {
        var token = $"{request.CampaignId}#{batch}";
        var claimed = await batches.ClaimBatchAsync(request.CampaignId, batch, token, time.GetUtcNow(), cancellationToken: cancellation);
        if (claimed.Count == 0) return 0;
        await deadLetters.SendAsync(request.CampaignId, [.. claimed.Select(c => c.Address)], request.Reason, cancellation);
        await batches.RecordResultsAsync(request.CampaignId, token,
            [.. claimed.Select(c => new RecipientResult(c.NormalizedAddress, SendOutcome.DeadLettered, Reason: request.Reason))], time.GetUtcNow(), cancellationToken: cancellation);
        return claimed.Count;
    }
}
