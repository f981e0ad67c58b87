using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Domain.Accounts;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>Plans a wave's batches in recipient order after the campaign's checkpoint; re-running it plans the same batches.</summary>
public sealed class PlanBatches(IRecipientBatches batches)
{
    /// <summary>The activity.</summary>
    [Function(nameof(PlanBatches))]
    public async Task<PlannedWave> Run([ActivityTrigger] PlanRequest request, CancellationToken cancellation)
    {
        var plan = await batches.PlanBatchesAsync(request.CampaignId, request.Checkpoint, request.MaxBatches, BatchSizing.Fit(request.BatchSize, null), cancellation);
        return new PlannedWave([.. plan.Batches.Select(b => new PlannedBatch(b.Batch, b.Count))], plan.Checkpoint);
    }
}
