namespace CampaignFlows.Data.Suppressions;

/// <summary>Suppression list queries, the same on both providers.</summary>
internal static class SuppressionQueries
{
    /// <summary>A repeated hard bounce or complaint refreshes the entry instead of failing the batch it came in.</summary>
    public const string Upsert = """
        INSERT INTO suppressions (address, reason, source, created_at) VALUES (@Address, @Reason, @Source, @At)
        ON CONFLICT (address) DO UPDATE SET reason = excluded.reason, source = excluded.source, created_at = excluded.created_at
        """;

    public const string Exists = "SELECT COUNT(*) FROM suppressions WHERE address = @address";

    public const string Remove = "DELETE FROM suppressions WHERE address = @address";

    /// <summary>SQLite: Dapper expands the list into an IN clause; the store sends at most <see cref="FindChunk"/> addresses per call.</summary>
    public const string FindSqlite = "SELECT address AS Address, reason AS Reason, source AS Source, created_at AS At FROM suppressions WHERE address IN @addresses";

    /// <summary>PostgreSQL: the whole set as one array parameter.</summary>
    public const string FindPostgres = "SELECT address AS Address, reason AS Reason, source AS Source, created_at AS At FROM suppressions WHERE address = ANY(@addresses)";

    /// <summary>Keeps SQLite's IN list far below its host-parameter limit.</summary>
    public const int FindChunk = 500;

    /// <summary>Keyset paging on the primary key: every page costs the same however deep it is.</summary>
    public const string Page = """
        SELECT address AS Address, reason AS Reason, source AS Source, created_at AS At FROM suppressions
        WHERE address > @after ORDER BY address LIMIT @limit
        """;

    public const string Count = "SELECT COUNT(*) FROM suppressions";
}
