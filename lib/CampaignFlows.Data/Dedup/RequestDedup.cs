using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Dedup;

/// <summary>Request de-duplication on either provider.</summary>
internal sealed class RequestDedup : IRequestDedup
{
    private readonly CampaignDatabase _database;

    public RequestDedup(CampaignDatabase database) => _database = database;

    // booleans are INTEGER in SQLite and BOOLEAN in PostgreSQL; passing typed values lets each provider bind its own.
    private object No => _database.IsPostgres ? false : 0;

    private object Yes => _database.IsPostgres ? true : 1;

    public Task<DedupDecision> BeginAsync(string key, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        RequireKey(key);
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "The de-duplication window must be positive.");
        var args = new { key, no = No, now = UnixTime.Ms(now), expires = UnixTime.Ms(now + window) };
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var created = await connection.ExecuteScalarAsync<long?>(DedupQueries.Begin, args, transaction).ConfigureAwait(false);
            if (created is { } first) return new DedupDecision(DedupState.First, null, UnixTime.From(first));
            var row = await connection.QuerySingleAsync<KeyRow>(DedupQueries.Read, new { key }, transaction).ConfigureAwait(false);
            return row.Completed
                ? new DedupDecision(DedupState.Completed, row.Outcome, UnixTime.From(row.CreatedAt))
                : new DedupDecision(DedupState.InFlight, null, UnixTime.From(row.CreatedAt));
        }, cancellationToken);
    }

    public Task<bool> CompleteAsync(string key, string outcome, CancellationToken cancellationToken = default)
    {
        RequireKey(key);
        ArgumentNullException.ThrowIfNull(outcome);
        return _database.WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(DedupQueries.Complete, new { key, outcome, yes = Yes }, transaction).ConfigureAwait(false) == 1, cancellationToken);
    }

    public Task AbandonAsync(string key, CancellationToken cancellationToken = default)
    {
        RequireKey(key);
        return _database.WriteAsync((connection, transaction) => connection.ExecuteAsync(DedupQueries.Abandon, new { key }, transaction), cancellationToken);
    }

    public Task<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _database.WriteAsync((connection, transaction) => connection.ExecuteAsync(DedupQueries.Expire, new { now = UnixTime.Ms(now) }, transaction), cancellationToken);

    private static void RequireKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("The de-duplication key is empty.", nameof(key));
        if (key.Length > 512) throw new ArgumentException("The de-duplication key is longer than 512 characters; hash long request data first.", nameof(key));
    }

    private sealed class KeyRow
    {
        public bool Completed { get; init; }
        public string? Outcome { get; init; }
        public long CreatedAt { get; init; }
    }
}
