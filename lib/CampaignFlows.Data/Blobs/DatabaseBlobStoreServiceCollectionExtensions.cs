using CampaignFlows.Blobs;
using CampaignFlows.Data;
using CampaignFlows.Data.Blobs;
using CampaignFlows.Data.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers blobs kept in the campaign database.</summary>
public static class DatabaseBlobStoreServiceCollectionExtensions
{
    /// <summary>
    /// When the campaign data lives in PostgreSQL, keeps blobs there too, so hosts on other machines read what any
    /// host stored; on SQLite (one host) the <see cref="LocalFolderBlobStore"/> stays. Call it after
    /// <c>AddBlobStore</c> registered the local folder store (no storage account) and after <c>AddCampaignData</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    /// <remarks>
    /// The database store signs links with the local folder store's <see cref="LocalFolderBlobStore.Links"/> (same key,
    /// same base URL), so give that store a key every host shares (<see cref="HostBlobLinkKey"/>). The provider is
    /// read from <see cref="CampaignDataOptions"/> when <see cref="IBlobStore"/> is first resolved, since it may be
    /// configured from the engine's options.
    /// </remarks>
    public static IServiceCollection AddSharedDatabaseBlobs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => new DatabaseBlobStore(
            sp.GetRequiredService<CampaignDatabase>(), sp.GetRequiredService<LocalFolderBlobStore>().Links, sp.GetService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IBlobStore>(sp =>
            sp.GetRequiredService<IOptions<CampaignDataOptions>>().Value.IsPostgres
                ? sp.GetRequiredService<DatabaseBlobStore>()
                : sp.GetRequiredService<LocalFolderBlobStore>()));
        return services;
    }
}
