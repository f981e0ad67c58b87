namespace CampaignFlows.Data.Dedup;

/// <summary>De-duplication queries, the same on both providers.</summary>
internal static class DedupQueries
{
    /// <summary>
    /// One statement decides "first": it inserts the key, or takes over an expired one; a live key makes the
    /// conditional DO UPDATE skip, so nothing is returned and the caller reads the existing row instead.
    /// </summary>
    public const string Begin = """
        INSERT INTO dedup_keys (key, completed, outcome, created_at, expires_at) VALUES (@key, @no, NULL, @now, @expires)
        ON CONFLICT (key) DO UPDATE SET completed = @no, outcome = NULL, created_at = @now, expires_at = @expires
        WHERE dedup_keys.expires_at <= @now
        RETURNING created_at
        """;

    public const string Read = "SELECT completed AS Completed, outcome AS Outcome, created_at AS CreatedAt FROM dedup_keys WHERE key = @key";

    public const string Complete = "UPDATE dedup_keys SET completed = @yes, outcome = @outcome WHERE key = @key";

    public const string Abandon = "DELETE FROM dedup_keys WHERE key = @key";

    /// <summary>Uses the expiry index; run it from a timer, not per request.</summary>
    public const string Expire = "DELETE FROM dedup_keys WHERE expires_at <= @now";
}
