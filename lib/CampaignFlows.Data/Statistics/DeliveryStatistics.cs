using System.Data.Common;
using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Statistics;

/// <summary>Bucketed delivery statistics on either provider.</summary>
internal sealed class DeliveryStatistics(CampaignDatabase database) : IDeliveryStatistics
{
    private readonly CampaignDatabase _database = database;

    private long BucketOf(DateTimeOffset time) => BucketOf(_database, time);

    /// <summary>The start of the statistics bucket holding <paramref name="time"/>, in Unix milliseconds.</summary>
    private static long BucketOf(CampaignDatabase database, DateTimeOffset time)
    {
        var bucketMs = (long)database.Options.StatisticsBucket.TotalMilliseconds;
        return UnixTime.Ms(time) / bucketMs * bucketMs;
    }

    public Task RecordAsync(IReadOnlyList<StatsScope> scopes, DeliveryCounts counts, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return RecordAsync([(scopes, counts)], at, cancellationToken);
    }

    public Task RecordAsync(IReadOnlyList<(IReadOnlyList<StatsScope> Scopes, DeliveryCounts Counts)> entries, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var sums = Sum(entries);
        if (sums.Count == 0) return Task.CompletedTask;
        var bucket = BucketOf(at);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            await AddAsync(connection, transaction, sums, bucket).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Adds the entries' counts, summed per scope, to <paramref name="at"/>'s bucket inside the caller's transaction.</summary>
    internal static Task AddAsync(CampaignDatabase database, DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(IReadOnlyList<StatsScope> Scopes, DeliveryCounts Counts)> entries, DateTimeOffset at)
    {
        var sums = Sum(entries);
        return sums.Count == 0 ? Task.CompletedTask : AddAsync(connection, transaction, sums, BucketOf(database, at));
    }

    private static async Task AddAsync(DbConnection connection, DbTransaction transaction, Dictionary<StatsScope, DeliveryCounts> sums, long bucket)
    {
        // Sorted so concurrent hosts lock bucket rows in the same order.
        foreach (var (scope, counts) in sums.OrderBy(s => s.Key.Kind, StringComparer.Ordinal).ThenBy(s => s.Key.Id, StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(StatisticsQueries.Add, new
            {
                scope.Kind, scope.Id, bucket, counts.Sent, counts.Delivered, counts.HardBounced, counts.SoftBounced, counts.Complained, counts.SendErrors, counts.Throttled,
            }, transaction).ConfigureAwait(false);
        }
    }

    /// <summary>Checks the entries and sums their counts per scope, leaving out empty counts.</summary>
    private static Dictionary<StatsScope, DeliveryCounts> Sum(IReadOnlyList<(IReadOnlyList<StatsScope> Scopes, DeliveryCounts Counts)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sums = new Dictionary<StatsScope, DeliveryCounts>();
        foreach (var (scopes, counts) in entries)
        {
            ArgumentNullException.ThrowIfNull(scopes, nameof(entries));
            ArgumentNullException.ThrowIfNull(counts, nameof(entries));
            foreach (var scope in scopes) Validate(scope);
            if (counts.Sent < 0 || counts.Delivered < 0 || counts.HardBounced < 0 || counts.SoftBounced < 0 || counts.Complained < 0 || counts.SendErrors < 0 || counts.Throttled < 0)
                throw new ArgumentException("Delivery counts to record must not be negative.", nameof(entries));
            if (counts.IsEmpty) continue;
            foreach (var scope in scopes.Distinct()) sums[scope] = sums.TryGetValue(scope, out var sum) ? sum + counts : counts;
        }
        return sums;
    }

    public async Task<DeliveryCounts> GetWindowAsync(StatsScope scope, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Validate(scope);
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        var args = new { scope.Kind, scope.Id, from = BucketOf(now - window), to = BucketOf(now) };
        var row = await _database.ReadAsync(c => c.QuerySingleAsync<CountsRow>(StatisticsQueries.Window, args), cancellationToken).ConfigureAwait(false);
        return row.ToCounts();
    }

    public async Task<IReadOnlyList<DeliveryBucket>> GetSeriesAsync(StatsScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        Validate(scope);
        if (to < from) throw new ArgumentException($"The series ends ({to:O}) before it starts ({from:O}).", nameof(to));
        var args = new { scope.Kind, scope.Id, from = BucketOf(from), to = BucketOf(to) };
        var rows = await _database.ReadAsync(c => c.QueryAsync<CountsRow>(StatisticsQueries.Series, args), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new DeliveryBucket(UnixTime.From(r.Bucket), r.ToCounts())).ToList();
    }

    private static void Validate(StatsScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Kind is not (StatsScope.CampaignKind or StatsScope.AccountKind or StatsScope.IpKind or StatsScope.PoolKind))
            throw new ArgumentException($"Unknown statistics scope kind '{scope.Kind}'.", nameof(scope));
        if (string.IsNullOrWhiteSpace(scope.Id)) throw new ArgumentException($"The {scope.Kind} scope has no id.", nameof(scope));
    }

    private sealed class CountsRow
    {
        public long Bucket { get; init; }
        public long Sent { get; init; }
        public long Delivered { get; init; }
        public long HardBounced { get; init; }
        public long SoftBounced { get; init; }
        public long Complained { get; init; }
        public long SendErrors { get; init; }
        public long Throttled { get; init; }

        public DeliveryCounts ToCounts() => new(Sent, Delivered, HardBounced, SoftBounced, Complained, SendErrors, Throttled);
    }
}
