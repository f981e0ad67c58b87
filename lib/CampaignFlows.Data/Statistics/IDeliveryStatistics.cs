namespace CampaignFlows.Data.Statistics;

/// <summary>Send and feedback counts in fixed time buckets, per campaign, account, dedicated IP or pool.</summary>
/// <remarks>Times are always passed in, never read from the clock, so health gates run the same under a fake clock.</remarks>
public interface IDeliveryStatistics
{
    /// <summary>Adds <paramref name="counts"/> to the bucket holding <paramref name="at"/> for every scope given, in one transaction.</summary>
    Task RecordAsync(IReadOnlyList<StatsScope> scopes, DeliveryCounts counts, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds every entry's counts to the bucket holding <paramref name="at"/> for its scopes, summed per scope first, in one
    /// transaction: one update of each bucket row however many events share it.
    /// </summary>
    Task RecordAsync(IReadOnlyList<(IReadOnlyList<StatsScope> Scopes, DeliveryCounts Counts)> entries, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// The totals of the buckets overlapping the window (<paramref name="now"/> − <paramref name="window"/>, <paramref name="now"/>];
    /// the oldest bucket counts whole, so a window is at most one bucket wider than asked.
    /// </summary>
    Task<DeliveryCounts> GetWindowAsync(StatsScope scope, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The non-empty buckets of a scope from <paramref name="from"/> up to <paramref name="to"/>, oldest first (for rate charts).</summary>
    Task<IReadOnlyList<DeliveryBucket>> GetSeriesAsync(StatsScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
