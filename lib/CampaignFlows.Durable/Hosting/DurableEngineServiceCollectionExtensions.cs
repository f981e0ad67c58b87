using CampaignFlows.Durable.Client;
using CampaignFlows.Durable.Dispatch;
using CampaignFlows.Durable.Stores;
using CampaignFlows.Durable.Stores.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Durable.Hosting;

/// <summary>Registers the durable engine with Microsoft.Extensions.Hosting.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: options, the store chosen by <c>StorageProvider.Type</c>, the <see cref="DurableTaskRegistry"/>,
    /// the <see cref="DurableTaskClient"/>, <see cref="IScheduleMonitor"/>, <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is registered, and the hosted dispatcher service. Bind options from configuration with
    /// <c>services.Configure&lt;DurableEngineOptions&gt;(section)</c> as well or instead. The engine's metrics go to the
    /// host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (added here) under <see cref="Diagnostics.DurableTelemetry.Name"/>.
    /// </summary>
    public static DurableEngineBuilder AddDurableEngine(this IServiceCollection services, Action<DurableEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DurableEngineOptions>();
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDurableStoreProvider, SqliteStoreProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDurableStoreProvider, Stores.Postgres.PostgresStoreProvider>());
        services.TryAddSingleton<EngineHost>();
        services.TryAddSingleton(sp => sp.GetRequiredService<EngineHost>().Store);
        services.TryAddSingleton<IScheduleMonitor>(sp => sp.GetRequiredService<IDurableStore>());
        services.TryAddSingleton(sp => BuildRegistry(sp));
        services.TryAddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<EngineHost>().Client);
        services.AddHostedService<DurableEngineService>();
        return new DurableEngineBuilder(services);
    }

    /// <summary>
    /// Adds orchestrators and activities. May be called many times; every callback runs once, in order, when the
    /// registry is first needed (at the latest before the dispatchers start).
    /// </summary>
    public static IServiceCollection AddDurableTasks(this IServiceCollection services, Action<IServiceProvider, DurableTaskRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(register);
        services.AddSingleton(new TaskRegistration(register));
        return services;
    }

    private static DurableTaskRegistry BuildRegistry(IServiceProvider services)
    {
        var registry = new DurableTaskRegistry();
        foreach (var registration in services.GetServices<TaskRegistration>()) registration.Register(services, registry);
        return registry;
    }

    internal static DurableEngineOptions Validated(this IOptions<DurableEngineOptions> options) =>
        EngineOptionsValidator.Validate(options.Value);
}

/// <summary>One <see cref="DurableEngineServiceCollectionExtensions.AddDurableTasks"/> callback.</summary>
internal sealed record TaskRegistration(Action<IServiceProvider, DurableTaskRegistry> Register);
