namespace CampaignFlows.Data.Recipients;

/// <summary>Loads a campaign's audience and excludes recipients that must not be sent.</summary>
/// <remarks>Every method is idempotent, so an activity that runs twice after a crash changes nothing the second time.</remarks>
public interface IRecipientStore
{
    /// <summary>
    /// Adds one chunk of audience rows. Rows whose normalised address the campaign already holds (or that repeat within
    /// the chunk) collapse into the first; new rows get increasing sequence numbers in chunk order, so re-adding a chunk
    /// after a crash inserts nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A row has an empty address, normalised address or domain.</exception>
    Task<AddChunkResult> AddChunkAsync(string campaignId, IReadOnlyList<RecipientRow> rows, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks every queued recipient whose address is on the suppression list as suppressed, with the list's reason; one statement.</summary>
    /// <returns>How many recipients were suppressed.</returns>
    Task<int> ExcludeSuppressedAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks every queued recipient whose address is not verified as blocked (for verified-only templates).</summary>
    /// <returns>How many recipients were blocked.</returns>
    Task<int> ExcludeUnverifiedAsync(string campaignId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks the given queued recipients (by normalised address) as suppressed, blocked or rejected with a reason.</summary>
    /// <exception cref="ArgumentException"><paramref name="status"/> is not suppressed, blocked or rejected.</exception>
    Task<int> ExcludeAsync(string campaignId, IReadOnlyCollection<string> normalizedAddresses, RecipientStatus status, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks every still-queued recipient as blocked with a reason (a template kill switch, a cancelled campaign).</summary>
    Task<int> ExcludeRemainingAsync(string campaignId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);
}
