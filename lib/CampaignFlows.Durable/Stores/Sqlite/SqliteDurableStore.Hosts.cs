using System.Security.Cryptography;
using System.Text;

namespace CampaignFlows.Durable.Stores.Sqlite;

/// <summary>
/// Liveness claims as operating-system file locks: each host process holds an exclusive lock on a file of its own in a
/// folder beside the database. The kernel drops the lock the moment the process dies (even on SIGKILL), so a file that
/// can be locked again belongs to a process that is provably gone, a file that cannot is held by a live one, and a
/// missing file means its process stopped cleanly (it deletes the file last) or was already found dead.
/// </summary>
internal sealed partial class SqliteDurableStore
{
    private string HostsFolder => Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource) + "-hosts";

    /// <summary>The owner's claim file; named by hash since owner ids may hold characters a file name cannot.</summary>
    private string ClaimFile(string owner) =>
        Path.Combine(HostsFolder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner)))[..32] + ".lock");

    public Task<IAsyncDisposable> RegisterHostAsync(string owner, CancellationToken cancellation)
    {
        Directory.CreateDirectory(HostsFolder);
        var path = ClaimFile(owner);
        // FileShare.None takes flock(LOCK_EX) on Unix and a sharing lock on Windows: both belong to the open handle.
        var claim = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        claim.Write(Encoding.UTF8.GetBytes(owner));
        claim.Flush();
        return Task.FromResult<IAsyncDisposable>(new FileClaim(claim, path));
    }

    public Task<int> ReleaseLeasesOfDeadOwnersAsync(string ownerPrefix, string self, DateTime now, CancellationToken cancellation) =>
        InTransactionAsync(() =>
        {
            var released = 0;
            foreach (var owner in Query(SqliteSql.SelectLeaseOwners, r => r.GetString(0), ("$prefix", ownerPrefix), ("$now", now.Ticks)))
            {
                if (owner == self) continue;
                var path = ClaimFile(owner);
                using var dead = TryTakeClaim(path);
                if (dead is null && File.Exists(path)) continue;
                foreach (var sql in SqliteSql.ReleaseLeasesOfOwner) released += Exec(sql, ("$owner", owner), ("$now", now.Ticks));
                if (dead is not null) File.Delete(path);
            }
            return released;
        }, cancellation);

    /// <summary>The claim file locked by us when its owner is gone; null when the owner is alive or the file does not exist.</summary>
    private static FileStream? TryTakeClaim(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class FileClaim(FileStream claim, string path) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            File.Delete(path);
            await claim.DisposeAsync().ConfigureAwait(false);
        }
    }
}

internal static partial class SqliteSql
{
    public const string SelectLeaseOwners = """
        SELECT lock_owner FROM instances WHERE locked_until > $now AND substr(lock_owner, 1, length($prefix)) = $prefix
        UNION
        SELECT lock_owner FROM activities WHERE locked_until > $now AND substr(lock_owner, 1, length($prefix)) = $prefix
        """;

    /// <summary>Released leases keep the work where it was; only the lease goes, so no attempt is spent.</summary>
    public static readonly string[] ReleaseLeasesOfOwner =
    [
        "UPDATE instances SET lock_owner = NULL, lock_token = NULL, locked_until = 0 WHERE lock_owner = $owner AND locked_until > $now",
        "UPDATE activities SET lock_owner = NULL, lock_token = NULL, locked_until = 0 WHERE lock_owner = $owner AND locked_until > $now",
    ];
}
