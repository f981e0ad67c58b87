using System.Data.Common;
using CampaignFlows.Data.Recipients;

namespace CampaignFlows.Data.Storage;

/// <summary>The recipient paths that touch many rows at once, written for each provider's fastest form.</summary>
internal interface IRecipientBulk
{
    /// <summary>Inserts rows with sequence numbers from <paramref name="firstSeq"/>, skipping existing keys; returns (domain, status) of each row inserted.</summary>
    Task<IReadOnlyList<(string Domain, string Status)>> InsertAsync(DbConnection connection, DbTransaction transaction, string campaignId, long firstSeq, IReadOnlyList<RecipientRow> rows, long now);

    /// <summary>Assigns the next unplanned queued rows after the request's checkpoint to new batches of at most 50, in sequence order.</summary>
    Task<IReadOnlyList<PlannedBatch>> AssignBatchesAsync(DbConnection connection, DbTransaction transaction, PlanRequest request);

    /// <summary>Claims a batch under the rule of <see cref="IRecipientBatches"/> and moves the counters; returns the claimed recipients in sequence order.</summary>
    Task<IReadOnlyList<ClaimedRecipient>> ClaimAsync(DbConnection connection, DbTransaction transaction, ClaimRequest request);

    /// <summary>Applies results to recipients sending under <paramref name="token"/> and moves the counters; returns how many rows changed.</summary>
    Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, string campaignId, string token, IReadOnlyList<RecipientResult> results, long now);

    /// <summary>Adds the deltas to the per-domain status counters.</summary>
    Task ApplyCountsAsync(DbConnection connection, DbTransaction transaction, string campaignId, CountDeltas deltas);
}

/// <summary>What a claim needs: times are Unix milliseconds.</summary>
internal sealed record ClaimRequest(string CampaignId, int Batch, string Token, long Now, long LeaseUntil);

/// <summary>What planning needs: rows after <paramref name="After"/>, at most <paramref name="Limit"/> of them, numbered from <paramref name="FirstBatch"/>.</summary>
internal sealed record PlanRequest(string CampaignId, long After, int Limit, int FirstBatch);

/// <summary>A batch just planned.</summary>
internal sealed record PlannedBatch(int Batch, long LastSeq, int Count);
