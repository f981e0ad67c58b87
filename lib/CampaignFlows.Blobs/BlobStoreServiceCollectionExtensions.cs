using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Blobs;

/// <summary>Registers the configured <see cref="IBlobStore"/>: Azure / Azurite when a connection string is given, else a local folder.</summary>
public static class BlobStoreServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the blob client gets from <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "CampaignFlows.Blobs";

    /// <summary>Registers <see cref="IBlobStore"/> from a storage connection string, falling back to a local folder.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">
    /// A storage connection string (e.g. <c>AzureWebJobsStorage</c>); null or blank selects the local folder store.
    /// </param>
    /// <param name="localFallback">Options for the local folder store, built when it is first needed.</param>
    /// <param name="clientOptions">Block size for the REST client; null for defaults.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="FormatException">The connection string is malformed; fails at registration, not on first use.</exception>
    /// <remarks>
    /// With the local store, <see cref="LocalFolderBlobStore"/> is registered too so
    /// <see cref="LocalBlobLinkEndpoints.MapLocalBlobLinks"/> can serve its links. The REST client is
    /// transient over a factory-made <see cref="HttpClient"/>, so handler rotation keeps working.
    /// A <see cref="TimeProvider"/> in the container, if any, is used for link expiry.
    /// </remarks>
    public static IServiceCollection AddBlobStore(
        this IServiceCollection services, string? connectionString,
        Func<IServiceProvider, LocalFolderBlobStoreOptions> localFallback, BlobClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(localFallback);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton(sp => new LocalFolderBlobStore(
                localFallback(sp), sp.GetService<TimeProvider>(), sp.GetService<ILogger<LocalFolderBlobStore>>()));
            services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<LocalFolderBlobStore>());
            return services;
        }

        var account = StorageAccount.Parse(connectionString);
        services.AddHttpClient(HttpClientName);
        services.AddTransient(sp => new BlobClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), account, clientOptions,
            sp.GetService<TimeProvider>(), sp.GetService<ILogger<BlobClient>>()));
        services.AddTransient<IBlobStore>(sp => sp.GetRequiredService<BlobClient>());
        return services;
    }
}
