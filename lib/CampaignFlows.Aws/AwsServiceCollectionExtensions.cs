using CampaignFlows.Aws;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SES and SQS clients.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IAwsClientFactory"/> and its pooled HTTP client; resolve clients per account from the factory.</summary>
    public static IServiceCollection AddAwsClients(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(AwsClientFactory.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Recycle connections so DNS changes of the regional endpoints are picked up.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                // Clients of different accounts share the handler; no state may pass between them.
                UseCookies = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The clients log failures themselves; the factory's two log lines and scope per request only cost time.
            .RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAwsClientFactory, AwsClientFactory>();
        return services;
    }
}
