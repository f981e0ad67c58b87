using CampaignFlows.Durable.Hosting;
using CampaignFlows.Functions.Discovery;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Hosting;

/// <summary>Configures the durable engine from host.json and registers the discovered orchestrators and activities into it.</summary>
internal static class EngineRegistration
{
    /// <summary>Where the embedded store lives when host.json names no connection: a gitignored folder beside host.json.</summary>
    public const string DefaultSqliteFile = ".data/campaignflows.db";

    public static IServiceCollection AddFunctionsEngine(this IServiceCollection services, string contentRoot)
    {
        services.AddDurableEngine();
        services.AddOptions<DurableEngineOptions>().Configure<FunctionsHostOptions>((engine, host) =>
        {
            engine.HubName = host.HubName;
            engine.StorageProvider.Type = host.StorageType;
            engine.StorageProvider.ConnectionString = host.StorageConnectionString ?? EmbeddedStore(contentRoot);
            if (host.MaxConcurrentActivityFunctions is { } activities) engine.MaxConcurrentActivityFunctions = activities;
            if (host.MaxConcurrentOrchestratorFunctions is { } orchestrators) engine.MaxConcurrentOrchestratorFunctions = orchestrators;
            if (host.ExtendedSessionsEnabled is { } sessions) engine.ExtendedSessionsEnabled = sessions;
            if (host.HostId is { } hostId) engine.HostId = hostId;
        });
        services.AddDurableTasks((sp, registry) => sp.GetRequiredService<FunctionCatalog>().RegisterDurableTasks(sp, registry));
        return services;
    }

    private static string EmbeddedStore(string contentRoot)
    {
        var path = Path.Combine(contentRoot, DefaultSqliteFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"Data Source={path}";
    }
}
