using CampaignFlows.Data.Recipients;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>Finds planned batches that still hold unsent recipients, for the sweep before a campaign ends.</summary>
public sealed class FindUnfinishedBatches(IRecipientBatches batches)
{
    /// <summary>Batches looked up at once.</summary>
    public const int Limit = 1_000;

    /// <summary>The activity.</summary>
    [Function(nameof(FindUnfinishedBatches))]
    public async Task<int[]> Run([ActivityTrigger] string campaignId, CancellationToken cancellation) =>
        [.. await batches.FindUnfinishedBatchesAsync(campaignId, Limit, cancellation)];
}
