namespace CampaignFlows.Durable.Stores.Sqlite;

/// <summary>Creates the SQLite store for <c>StorageProvider.Type = "sqlite"</c>.</summary>
internal sealed class SqliteStoreProvider : IDurableStoreProvider
{
    public string Type => "sqlite";

    public IDurableStore Create(DurableStoreSettings settings, IServiceProvider services) => new SqliteDurableStore(settings,
        services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System,
        (services.GetService(typeof(Microsoft.Extensions.Logging.ILoggerFactory)) as Microsoft.Extensions.Logging.ILoggerFactory)?.CreateLogger("CampaignFlows.Durable.Store"));
}
