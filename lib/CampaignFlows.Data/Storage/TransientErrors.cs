using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CampaignFlows.Data.Storage;

/// <summary>The provider errors a write transaction is retried on, with a short bounded back-off.</summary>
internal static class TransientErrors
{
    public const int MaxAttempts = 5;

    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another process held the write lock past the busy timeout.
    private static readonly int[] SqliteCodes = [5, 6];

    // 40001 serialization_failure, 40P01 deadlock_detected: two hosts touched the same rows in a different
    // order; 55P03 lock_not_available. Re-running the whole transaction is safe because nothing committed.
    private static readonly string[] PostgresStates = ["40001", "40P01", "55P03"];

    public static bool IsTransient(DbException error) => error switch
    {
        SqliteException sqlite => SqliteCodes.Contains(sqlite.SqliteErrorCode),
        PostgresException postgres => PostgresStates.Contains(postgres.SqlState),
        _ => false,
    };

    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(20 * attempt * attempt);
}
