using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

/// <summary>
/// Liveness claims as session advisory locks: each host process holds one, keyed by hub and owner, on a connection of
/// its own. The server drops it when that session ends, which happens at once when the process dies (its socket is
/// closed by the kernel) and, for a machine that vanished, after the TCP keepalive probes set on the session fail.
/// A lock another session can take belongs to an owner that is provably gone.
/// </summary>
internal sealed partial class PostgresDurableStore
{
    private string ClaimKey(string owner) => $"campaignflows.durable.host:{Schema}:{owner}";

    public async Task<IAsyncDisposable> RegisterHostAsync(string owner, CancellationToken cancellation)
    {
        if (!_initialized) await InitializeAsync(cancellation).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        try
        {
            // Keepalives apply to TCP sessions only; over a Unix socket the kernel reports the peer's death by itself.
            await ExecAsync(connection, PostgresSql.KeepAlive, cancellation).ConfigureAwait(false);
            var taken = await ScalarAsync(connection, PostgresSql.TakeClaim, cancellation, P.Text("key", ClaimKey(owner))).ConfigureAwait(false);
            if (taken is not true) throw new InvalidOperationException($"The liveness claim of host '{owner}' is held by another session.");
            return new SessionClaim(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<int> ReleaseLeasesOfDeadOwnersAsync(string ownerPrefix, string self, DateTime now, CancellationToken cancellation) =>
        InTransactionAsync(nameof(ReleaseLeasesOfDeadOwnersAsync), async (c, ct) =>
        {
            var owners = await QueryAsync(c, PostgresSql.SelectLeaseOwners, r => r.GetString(0), ct, P.Text("prefix", ownerPrefix), P.Long("now", now.Ticks))
                .ConfigureAwait(false);
            var released = 0;
            foreach (var owner in owners.Where(o => o != self))
            {
                // Held until this transaction ends, so the owner cannot be judged dead twice at once.
                if (await ScalarAsync(c, PostgresSql.TryTakeDeadClaim, ct, P.Text("key", ClaimKey(owner))).ConfigureAwait(false) is not true) continue;
                released += (int)(long)(await ScalarAsync(c, PostgresSql.ReleaseLeasesOfOwner, ct, P.Text("owner", owner), P.Long("now", now.Ticks))
                    .ConfigureAwait(false))!;
            }
            return released;
        }, cancellation);

    private sealed class SessionClaim(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // A pooled connection keeps its session: the lock must be given back before the connection is.
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The session is already gone, and its lock with it.
            }
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}

internal static partial class PostgresSql
{
    public const string KeepAlive = """
        SELECT set_config('tcp_keepalives_idle', '5', false), set_config('tcp_keepalives_interval', '2', false),
               set_config('tcp_keepalives_count', '3', false)
        """;

    public const string TakeClaim = "SELECT pg_try_advisory_lock(hashtextextended(@key, 0))";

    public const string TryTakeDeadClaim = "SELECT pg_try_advisory_xact_lock(hashtextextended(@key, 0))";

    /// <summary>Owners with unexpired leases, to be checked one by one for a live claim.</summary>
    public const string SelectLeaseOwners = """
        SELECT lock_owner FROM {schema}.instances WHERE locked_until > @now AND starts_with(lock_owner, @prefix)
        UNION
        SELECT lock_owner FROM {schema}.activities WHERE locked_until > @now AND starts_with(lock_owner, @prefix)
        """;

    /// <summary>Released leases keep the work where it was; only the lease goes, so no attempt is spent.</summary>
    public const string ReleaseLeasesOfOwner = """
        WITH i AS (
            UPDATE {schema}.instances SET lock_owner = NULL, lock_token = NULL, locked_until = 0
            WHERE lock_owner = @owner AND locked_until > @now RETURNING 1
        ), a AS (
            UPDATE {schema}.activities SET lock_owner = NULL, lock_token = NULL, locked_until = 0
            WHERE lock_owner = @owner AND locked_until > @now RETURNING 1
        )
        SELECT (SELECT count(*) FROM i) + (SELECT count(*) FROM a)
        """;
}
