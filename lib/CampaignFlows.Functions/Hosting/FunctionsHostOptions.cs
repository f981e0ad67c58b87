using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CampaignFlows.Functions;

/// <summary>The host settings read from host.json (and its <c>AzureFunctionsJobHost</c> overrides) and local.settings.json.</summary>
public sealed record FunctionsHostOptions
{
    /// <summary>The task hub: <c>extensions.durableTask.hubName</c>.</summary>
    public string HubName { get; init; } = "CampaignFlows";

    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>: <c>extensions.durableTask.storageProvider.type</c>.</summary>
    public string StorageType { get; init; } = "sqlite";

    /// <summary>The store's connection string, looked up by <c>storageProvider.connectionStringName</c>; null for the embedded SQLite file.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary><c>extensions.durableTask.maxConcurrentActivityFunctions</c>.</summary>
    public int? MaxConcurrentActivityFunctions { get; init; }

    /// <summary><c>extensions.durableTask.maxConcurrentOrchestratorFunctions</c>.</summary>
    public int? MaxConcurrentOrchestratorFunctions { get; init; }

    /// <summary><c>extensions.durableTask.extendedSessionsEnabled</c>.</summary>
    public bool? ExtendedSessionsEnabled { get; init; }

    /// <summary>
    /// <c>extensions.durableTask.hostId</c>: this host's stable identity; a host restarted under the same id takes back
    /// its dead predecessor's work at once instead of after the lease runs out. Null keeps the engine's default (the machine name).
    /// </summary>
    public string? HostId { get; init; }

    /// <summary>Where HTTP functions live: <c>extensions.http.routePrefix</c>, <c>api</c> by default, empty for the root.</summary>
    public string RoutePrefix { get; init; } = "api";

    /// <summary>The largest request body accepted, in bytes (413 beyond): <c>extensions.http.maxRequestBodySize</c>, 1 MB by default.</summary>
    public long MaxRequestBodySize { get; init; } = 1024 * 1024;

    /// <summary>The port <c>start</c> listens on: <c>Host.LocalHttpPort</c> in local.settings.json, 7071 by default.</summary>
    public int LocalHttpPort { get; init; } = 7071;

    /// <summary>Reads the options from configuration.</summary>
    /// <exception cref="FunctionStartupException">A value has the wrong shape or the named connection string is not configured.</exception>
    public static FunctionsHostOptions FromConfiguration(IConfiguration configuration)
    {
        var durable = configuration.GetSection("AzureFunctionsJobHost:extensions:durableTask");
        var http = configuration.GetSection("AzureFunctionsJobHost:extensions:http");
        var defaults = new FunctionsHostOptions();
        var connectionName = durable["storageProvider:connectionStringName"];
        var connection = string.IsNullOrEmpty(connectionName) ? null
            : configuration.GetConnectionString(connectionName) ?? configuration[connectionName]
              ?? throw new FunctionStartupException($"host.json: 'extensions.durableTask.storageProvider.connectionStringName' names '{connectionName}', " +
                  "which is neither a connection string nor a setting (add it to local.settings.json ConnectionStrings or Values, or the environment).");
        var type = durable["storageProvider:type"] ?? defaults.StorageType;
        if (type == "postgres" && connection is null)
            throw new FunctionStartupException("host.json: 'extensions.durableTask.storageProvider' is postgres but has no connectionStringName.");
        return new FunctionsHostOptions
        {
            HubName = durable["hubName"] ?? defaults.HubName,
            StorageType = type,
            StorageConnectionString = connection,
            MaxConcurrentActivityFunctions = Int(durable, "maxConcurrentActivityFunctions"),
            MaxConcurrentOrchestratorFunctions = Int(durable, "maxConcurrentOrchestratorFunctions"),
            ExtendedSessionsEnabled = Bool(durable, "extendedSessionsEnabled"),
            HostId = string.IsNullOrWhiteSpace(durable["hostId"]) ? null : durable["hostId"],
            RoutePrefix = (http["routePrefix"] ?? defaults.RoutePrefix).Trim('/'),
            MaxRequestBodySize = Int(http, "maxRequestBodySize") ?? defaults.MaxRequestBodySize,
            LocalHttpPort = LocalHttpPortOf(configuration),
        };
    }

    /// <summary>Just the local port, for choosing the listening address before the rest of the configuration is complete.</summary>
    internal static int LocalHttpPortOf(IConfiguration configuration) =>
        Int(configuration.GetSection("Host"), "LocalHttpPort") ?? new FunctionsHostOptions().LocalHttpPort;

    private static bool? Bool(IConfigurationSection section, string key)
    {
        var raw = section[key];
        if (raw is null) return null;
        return bool.TryParse(raw, out var value) ? value
            : throw new FunctionStartupException($"Setting '{section.Path}:{key}' must be true or false, not '{raw}'.");
    }

    private static int? Int(IConfigurationSection section, string key)
    {
        var raw = section[key];
        if (raw is null) return null;
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new FunctionStartupException($"Setting '{section.Path}:{key}' must be a positive integer, not '{raw}'.");
    }
}
