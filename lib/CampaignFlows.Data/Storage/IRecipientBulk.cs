using System.Data.Common;
using CampaignFlows.Data.Recipients;

namespace CampaignFlows.Data.Storage;

/// <summary>The recipient paths that touch many rows at once, written for each provider's fastest form.</summary>
internal interface IRecipientBulk
{
    /// <summary>Inserts rows with sequence numbers from <paramref name="firstSeq"/>, skipping existing keys; returns (domain, status) of each row inserted.</summary>
    Task<IReadOnlyList<(string Domain, string Status)>> InsertAsync(DbConnection connection, DbTransaction transaction, string campaignId, long firstSeq, IReadOnlyList<RecipientRow> rows, long now);

    /// <summary>Applies results to recipients sending under <paramref name="token"/>; returns (domain, new status) of each row changed.</summary>
    Task<IReadOnlyList<(string Domain, string Status)>> ApplyResultsAsync(DbConnection connection, DbTransaction transaction, string campaignId, string token, IReadOnlyList<RecipientResult> results, long now);

    /// <summary>Adds the deltas to the per-domain status counters.</summary>
    Task ApplyCountsAsync(DbConnection connection, DbTransaction transaction, string campaignId, CountDeltas deltas);
}
