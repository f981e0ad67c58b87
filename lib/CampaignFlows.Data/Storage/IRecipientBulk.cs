using System.Data.Common;
using CampaignFlows.Data.Recipients;

namespace CampaignFlows.Data.Storage;

/// <summary>The recipient paths that touch many rows at once, written for each provider's fastest form.</summary>
internal interface IRecipientBulk
{
    /// <summary>Inserts rows with sequence numbers from <paramref name="firstSeq"/>, skipping existing keys; returns (domain, status) of each row inserted.</summary>
    Task<IReadOnlyList<(string Domain, string Status)>> InsertAsync(DbConnection connection, DbTransaction transaction, string campaignId, long firstSeq, IReadOnlyList<RecipientRow> rows, long now);

    /// <summary>Claims a batch under the rule of <see cref="IRecipientBatches"/> and moves the counters; returns the claimed recipients in sequence order.</summary>
    Task<IReadOnlyList<ClaimedRecipient>> ClaimAsync(DbConnection connection, DbTransaction transaction, ClaimRequest request);

    /// <summary>Applies results to recipients sending under <paramref name="token"/> and moves the counters; returns how many rows changed, and how many of them to sent and to failed.</summary>
    Task<ResultsApplied> RecordAsync(DbConnection connection, DbTransaction transaction, string campaignId, string token, IReadOnlyList<RecipientResult> results, long now);

    /// <summary>Adds the deltas to the per-domain status counters.</summary>
    Task ApplyCountsAsync(DbConnection connection, DbTransaction transaction, string campaignId, CountDeltas deltas);
}

/// <summary>Rows a recording changed: in all, and those that became sent or failed.</summary>
internal readonly record struct ResultsApplied(int Changed, int Sent, int Failed);

/// <summary>What a claim needs: times are Unix milliseconds.</summary>
internal sealed record ClaimRequest(string CampaignId, int Batch, string Token, long Now, long LeaseUntil, int Max);

