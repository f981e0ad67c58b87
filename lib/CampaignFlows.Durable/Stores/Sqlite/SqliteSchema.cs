using System.Reflection;
using Microsoft.Data.Sqlite;

namespace CampaignFlows.Durable.Stores.Sqlite;

/// <summary>Applies the embedded, numbered schema scripts in order, each once, recording them in schema_versions.</summary>
/// <remarks>The scripts run inside an IMMEDIATE transaction, which is SQLite's database-wide write lock, so two
/// processes starting together cannot both apply a version.</remarks>
internal static class SqliteSchema
{
    private const string ResourceMarker = ".Stores.Sqlite.Schema.";

    public static void Apply(SqliteConnection connection)
    {
        Run(connection, "CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        Run(connection, "BEGIN IMMEDIATE");
        try
        {
            var applied = new HashSet<long>();
            using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT version FROM schema_versions";
                using var reader = read.ExecuteReader();
                while (reader.Read()) applied.Add(reader.GetInt64(0));
            }
            foreach (var (version, name, sql) in Scripts().Where(s => !applied.Contains(s.Version)))
            {
                Run(connection, sql);
                using var record = connection.CreateCommand();
                record.CommandText = "INSERT INTO schema_versions (version, name, applied_at) VALUES ($v, $n, $t)";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$n", name);
                record.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O"));
                record.ExecuteNonQuery();
            }
            Run(connection, "COMMIT");
        }
        catch
        {
            Run(connection, "ROLLBACK");
            throw;
        }
    }

    /// <summary>Scripts named <c>NNNN_description.sql</c>, by version.</summary>
    internal static IEnumerable<(long Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(SqliteSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(ResourceMarker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[(n.IndexOf(ResourceMarker, StringComparison.Ordinal) + ResourceMarker.Length)..];
                return (long.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture), name, Read(assembly, n));
            })
            .OrderBy(s => s.Item1);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
