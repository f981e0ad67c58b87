namespace CampaignFlows.Data.Storage;

/// <summary>The versions table both providers record applied scripts in.</summary>
internal static class SchemaQueries
{
    /// <summary>Created outside the numbered scripts because it is what tells which scripts have run.</summary>
    public const string CreateVersionsTable = """
        CREATE TABLE IF NOT EXISTS schema_versions (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """;

    public const string AppliedVersions = "SELECT version FROM schema_versions ORDER BY version";

    public const string RecordVersion = "INSERT INTO schema_versions (version, name, applied_at) VALUES (@version, @name, @now)";
}
