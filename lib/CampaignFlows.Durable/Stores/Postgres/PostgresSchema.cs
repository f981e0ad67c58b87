using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

/// <summary>
/// Applies the embedded, numbered schema scripts in order, each once, recording them in the hub schema's versions table.
/// </summary>
/// <remarks>
/// Everything runs in one transaction that first takes a transaction-level advisory lock keyed by the schema name, so
/// hosts starting together queue on the lock: the first applies the scripts, the others find them recorded. The lock
/// is released by the commit, or by the server if the host dies half-way (then nothing was applied).
/// </remarks>
internal static class PostgresSchema
{
    private const string ResourceMarker = ".Stores.Postgres.Schema.";

    /// <summary>Brings <paramref name="schema"/> to the newest version, or only up to <paramref name="upToVersion"/>.</summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, string schema, ILogger logger, CancellationToken cancellation,
        long upToVersion = long.MaxValue)
    {
        var quoted = Quote(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await RunAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", cancellation, ("key", "campaignflows.durable.schema:" + schema))
            .ConfigureAwait(false);
        await RunAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {quoted}", cancellation).ConfigureAwait(false);
        await RunAsync(connection, $$"""
            CREATE TABLE IF NOT EXISTS {{quoted}}.versions (
                version bigint PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellation).ConfigureAwait(false);
        var applied = await AppliedVersionsAsync(connection, quoted, cancellation).ConfigureAwait(false);
        foreach (var (version, name, sql) in Scripts().Where(s => s.Version <= upToVersion && !applied.Contains(s.Version)))
        {
            await RunAsync(connection, sql.Replace("{schema}", quoted, StringComparison.Ordinal), cancellation).ConfigureAwait(false);
            await RunAsync(connection, $"INSERT INTO {quoted}.versions (version, name) VALUES (@version, @name)", cancellation,
                ("version", version), ("name", name)).ConfigureAwait(false);
            logger.PostgresSchemaApplied(schema, version, name);
        }
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>The versions recorded in <paramref name="quotedSchema"/>.</summary>
    public static async Task<HashSet<long>> AppliedVersionsAsync(NpgsqlConnection connection, string quotedSchema, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {quotedSchema}.versions", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var versions = new HashSet<long>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false)) versions.Add(reader.GetInt64(0));
        return versions;
    }

    /// <summary>Scripts named <c>NNNN_description.sql</c>, by version.</summary>
    public static IReadOnlyList<(long Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(ResourceMarker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[(n.IndexOf(ResourceMarker, StringComparison.Ordinal) + ResourceMarker.Length)..];
                return (long.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture), name, Read(assembly, n));
            })
            .OrderBy(s => s.Item1)
            .ToList();
    }

    /// <summary>A schema name as a quoted identifier; names are validated by <see cref="PostgresStoreSettings"/>.</summary>
    public static string Quote(string schema) => "\"" + schema + "\"";

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }
}
