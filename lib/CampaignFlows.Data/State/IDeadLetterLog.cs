namespace CampaignFlows.Data.State;

/// <summary>What went to the dead-letter queue and why, queryable after the fact.</summary>
public interface IDeadLetterLog
{
    /// <summary>Appends entries in one transaction.</summary>
    Task AddAsync(IReadOnlyList<DeadLetterEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> entries of a campaign (null: transactional mail) in the order they were added.</summary>
    Task<IReadOnlyList<DeadLetterEntry>> ListAsync(string? campaignId, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many entries a campaign (null: transactional mail) has.</summary>
    Task<long> CountAsync(string? campaignId, CancellationToken cancellationToken = default);
}
