using Dapper;

namespace CampaignFlows.Data.Storage;

internal sealed partial class PostgresCampaignDatabase
{
    /// <summary>Applies pending scripts, each in its own transaction, while holding a session advisory lock.</summary>
    public override async Task<IReadOnlyList<int>> ApplySchemaAsync(int? upToVersion, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var lockName = "campaignflows.data." + Options.Schema;
        // A session lock rather than a transaction lock: it must outlive the per-script transactions.
        await connection.ExecuteAsync("SELECT pg_advisory_lock(hashtext(@lockName))", new { lockName }).ConfigureAwait(false);
        try
        {
            // The schema name was validated as letters, digits and '_' so it is safe to quote into DDL.
            await connection.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS \"{Options.Schema}\"; SET search_path TO \"{Options.Schema}\";").ConfigureAwait(false);
            await connection.ExecuteAsync(SchemaQueries.CreateVersionsTable).ConfigureAwait(false);
            var applied = (await connection.QueryAsync<int>(SchemaQueries.AppliedVersions).ConfigureAwait(false)).ToHashSet();
            var newlyApplied = new List<int>();
            foreach (var script in SchemaScript.For("Postgres").Where(s => !applied.Contains(s.Version) && s.Version <= (upToVersion ?? int.MaxValue)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(script.Sql, transaction: transaction).ConfigureAwait(false);
                await connection.ExecuteAsync(SchemaQueries.RecordVersion, new { version = script.Version, name = script.Name, now = UnixTime.Ms(DateTimeOffset.UtcNow) }, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                newlyApplied.Add(script.Version);
            }
            return newlyApplied;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@lockName))", new { lockName }).ConfigureAwait(false);
        }
    }
}
