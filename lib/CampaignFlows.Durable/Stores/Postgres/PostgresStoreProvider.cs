using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Durable.Stores.Postgres;

/// <summary>Creates the PostgreSQL store for <c>StorageProvider.Type = "postgres"</c>.</summary>
internal sealed class PostgresStoreProvider : IDurableStoreProvider
{
    public string Type => "postgres";

    public IDurableStore Create(DurableStoreSettings settings, IServiceProvider services) =>
        new PostgresDurableStore(settings, services.GetService<TimeProvider>() ?? TimeProvider.System,
            (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<PostgresDurableStore>());
}
