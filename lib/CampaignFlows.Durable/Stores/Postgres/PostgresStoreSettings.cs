using System.Text.RegularExpressions;
using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

/// <summary>Reads the store's connection string: where the server is, and which schema holds the hub's tables.</summary>
/// <remarks>
/// The schema is the first entry of <c>Search Path</c> when the connection string sets one, otherwise the hub name in
/// lower case; so several hubs (or test runs) share one database without sharing rows.
/// </remarks>
internal static partial class PostgresStoreSettings
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaPattern();

    public static (NpgsqlConnectionStringBuilder Builder, string Schema) Parse(DurableStoreSettings settings)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The PostgreSQL store's connection string is invalid: {ex.Message}", nameof(settings), ex);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new ArgumentException("The PostgreSQL store's connection string needs 'Host=<server>' (StorageProvider.ConnectionString).", nameof(settings));
        var fromPath = builder.SearchPath?.Split(',')[0].Trim().Trim('"');
        var schema = (string.IsNullOrEmpty(fromPath) ? settings.HubName : fromPath).ToLowerInvariant();
        if (!SchemaPattern().IsMatch(schema))
            throw new ArgumentException($"The PostgreSQL store keeps hub '{settings.HubName}' in schema '{schema}', which is not a plain identifier: " +
                "use letters, digits and underscores, starting with a letter (set HubName or 'Search Path' in the connection string).", nameof(settings));
        // Statements are reused thousands of times a second; preparing them once per physical connection saves a parse
        // and plan on every call. Nothing here changes session state, so a pooled connection needs no reset.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 128;
        builder.AutoPrepareMinUsages = Math.Min(builder.AutoPrepareMinUsages, 2);
        builder.NoResetOnClose = true;
        return (builder, schema);
    }
}
