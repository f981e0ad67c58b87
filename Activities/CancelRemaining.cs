using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>On cancel, records every recipient not yet sent as blocked with the reason, so the report accounts for all.</summary>
public sealed class CancelRemaining(IRecipientStore recipients, IRecipientBatches batches, TimeProvider time)
{
    /// <summary>The activity.</summary>
    [Function(nameof(CancelRemaining))]
    public async Task<long> Run([ActivityTrigger] DeadLetterRequest request, CancellationToken cancellation)
    {
        foreach (var batch in await batches.FindUnfinishedBatchesAsync(request.CampaignId, int.MaxValue, cancellation))
        {
            var token = $"{request.CampaignId}#{batch}";
            var claimed = await batches.ClaimBatchAsync(request.CampaignId, batch, token, time.GetUtcNow(), cancellationToken: cancellation);
            await batches.RecordResultsAsync(request.CampaignId, token,
                [.. claimed.Select(c => new RecipientResult(c.NormalizedAddress, SendOutcome.Throttled))], time.GetUtcNow(), cancellationToken: cancellation);
        }
        return await recipients.ExcludeRemainingAsync(request.CampaignId, request.Reason, time.GetUtcNow(), cancellation);
    }
}
