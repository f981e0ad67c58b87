namespace CampaignFlows.Data.Suppressions;

/// <summary>Our own suppression list, shared by every campaign and transactional message.</summary>
public interface ISuppressionList
{
    /// <summary>Adds or refreshes entries; an address already listed takes the newer reason, source and time.</summary>
    /// <returns>How many addresses were new to the list.</returns>
    Task<int> AddAsync(IReadOnlyList<SuppressionEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Removes an address; returns false when it was not listed.</summary>
    Task<bool> RemoveAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>The entries for whichever of <paramref name="addresses"/> are listed (one query for the whole set).</summary>
    Task<IReadOnlyList<SuppressionEntry>> FindAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default);

    /// <summary>A page of at most <paramref name="limit"/> entries after <paramref name="after"/> (null for the first page), in address order.</summary>
    Task<SuppressionPage> ListAsync(string? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many addresses are listed.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
