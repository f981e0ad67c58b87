using System.Reflection;
using CampaignFlows.Functions.Discovery;
using CampaignFlows.Functions.Hosting;
using CampaignFlows.Functions.Http;
using CampaignFlows.Functions.Queues;
using CampaignFlows.Functions.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignFlows.Functions;

/// <summary>Adds the Functions-style host to an application.</summary>
public static class FunctionsBuilderExtensions
{
    /// <summary>
    /// Discovers the <c>[Function]</c> methods of <paramref name="assemblies"/> and adds the durable engine (configured from host.json),
    /// function keys, HTTP, timer and queue triggers. Discovery runs when the app is built, against the final configuration.
    /// </summary>
    public static WebApplicationBuilder AddFunctions(this WebApplicationBuilder builder, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return builder.AddFunctions(assemblies.Distinct().SelectMany(a => a.GetTypes()));
    }

    /// <summary>As <see cref="AddFunctions(WebApplicationBuilder, Assembly[])"/>, for the functions declared on the given types only.</summary>
    public static WebApplicationBuilder AddFunctions(this WebApplicationBuilder builder, IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var functionTypes = types.ToList();
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.TryAddSingleton(new StartupWarnings([]));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => FunctionsHostOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new FunctionCatalog(FunctionDiscovery.Discover(functionTypes, sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<FunctionsHostOptions>().RoutePrefix)));
        services.AddSingleton(sp => HostKeysLoader.Load(sp.GetRequiredService<IConfiguration>(), contentRoot));
        services.AddSingleton(sp => sp.GetRequiredService<LoadedKeys>().Keys);
        services.AddProblemDetails();
        services.AddMvcCore();
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        services.AddHostedService<StartupReporter>();
        services.AddHostedService<TimerTriggerService>();
        services.AddAwsClients();
        services.AddHostedService<SqsTriggerService>();
        services.AddFunctionsEngine(contentRoot);
        return builder;
    }
}
