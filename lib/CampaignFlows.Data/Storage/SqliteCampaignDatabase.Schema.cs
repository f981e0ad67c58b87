using Dapper;

namespace CampaignFlows.Data.Storage;

internal sealed partial class SqliteCampaignDatabase
{
    /// <summary>Applies pending scripts in one IMMEDIATE transaction, which is the lock between processes.</summary>
    public override async Task<IReadOnlyList<int>> ApplySchemaAsync(int? upToVersion, CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            // journal_mode cannot change inside a transaction; it is stored in the file once set.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;").ConfigureAwait(false);
        }
        return await WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(SchemaQueries.CreateVersionsTable, transaction: transaction).ConfigureAwait(false);
            var applied = (await connection.QueryAsync<long>(SchemaQueries.AppliedVersions, transaction: transaction).ConfigureAwait(false)).ToHashSet();
            var now = UnixTime.Ms(DateTimeOffset.UtcNow);
            var newlyApplied = new List<int>();
            foreach (var script in SchemaScript.For("Sqlite").Where(s => !applied.Contains(s.Version) && s.Version <= (upToVersion ?? int.MaxValue)))
            {
                await connection.ExecuteAsync(script.Sql, transaction: transaction).ConfigureAwait(false);
                await connection.ExecuteAsync(SchemaQueries.RecordVersion, new { version = script.Version, name = script.Name, now }, transaction).ConfigureAwait(false);
                newlyApplied.Add(script.Version);
            }
            return (IReadOnlyList<int>)newlyApplied;
        }, cancellationToken).ConfigureAwait(false);
    }
}
