namespace CampaignFlows.Data.Recipients;

/// <summary>A small reference to a planned batch of at most <see cref="IRecipientBatches.MaxBatchSize"/> recipients.</summary>
/// <remarks>Safe to keep in orchestration histories: it never carries addresses.</remarks>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Batch">The batch number, 1-based and increasing in sequence order within the campaign.</param>
/// <param name="Count">How many recipients were planned into it.</param>
public sealed record BatchRef(string CampaignId, int Batch, int Count);

/// <summary>The batches planned after a checkpoint and the checkpoint to pass next time.</summary>
/// <param name="Batches">The planned batches in order; empty when nothing queued is left after the checkpoint.</param>
/// <param name="Checkpoint">The last sequence number covered by <paramref name="Batches"/> (the input checkpoint when empty).</param>
public sealed record BatchPlan(IReadOnlyList<BatchRef> Batches, long Checkpoint);
