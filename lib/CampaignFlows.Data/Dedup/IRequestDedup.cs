namespace CampaignFlows.Data.Dedup;

/// <summary>De-duplicates repeated requests (transactional mail, campaign submits) by a caller-chosen key.</summary>
/// <remarks>
/// Begin is atomic on the key's primary key: of any number of concurrent requests with the same key, from any host,
/// exactly one is told <see cref="DedupState.First"/>. A key is held until its window ends; after that the next
/// request with it starts afresh.
/// </remarks>
public interface IRequestDedup
{
    /// <summary>Begins a request with <paramref name="key"/>, held for <paramref name="window"/> from <paramref name="now"/>.</summary>
    Task<DedupDecision> BeginAsync(string key, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Stores the first request's outcome (small JSON, e.g. the message id) for repeats to return.</summary>
    /// <returns>False when the key is unknown (it expired and was removed).</returns>
    Task<bool> CompleteAsync(string key, string outcome, CancellationToken cancellationToken = default);

    /// <summary>Forgets a key whose first request failed, so a retry may go ahead at once.</summary>
    Task AbandonAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes keys whose window ended before <paramref name="now"/>; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
