using CampaignFlows.Data;
using CampaignFlows.Data.Dedup;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.State;
using CampaignFlows.Data.Statistics;
using CampaignFlows.Data.Storage;
using CampaignFlows.Data.Suppressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the campaign data stores.</summary>
public static class CampaignDataServiceCollectionExtensions
{
    /// <summary>
    /// Adds every campaign data interface (recipients, batches, progress, suppressions, statistics, de-duplication and
    /// shared state) as singletons over one database, and a hosted <see cref="CampaignDataInitializer"/> that applies
    /// the schema at start. The options are validated when the database is first resolved.
    /// </summary>
    public static IServiceCollection AddCampaignData(this IServiceCollection services, Action<CampaignDataOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CampaignDataOptions>().Configure(configure);
        services.AddSingleton(sp => CampaignDatabase.Create(sp.GetRequiredService<IOptions<CampaignDataOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger("CampaignFlows.Data")));
        services.AddSingleton(sp => new CampaignDataInitializer(sp.GetRequiredService<CampaignDatabase>(), sp.GetRequiredService<ILogger<CampaignDataInitializer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<CampaignDataInitializer>());
        services.AddSingleton<RecipientStore>();
        services.AddSingleton<IRecipientStore>(sp => sp.GetRequiredService<RecipientStore>());
        services.AddSingleton<IRecipientBatches>(sp => sp.GetRequiredService<RecipientStore>());
        services.AddSingleton<IRecipientProgress>(sp => sp.GetRequiredService<RecipientStore>());
        services.AddSingleton<ISuppressionList, SuppressionList>();
        services.AddSingleton<IDeliveryStatistics, DeliveryStatistics>();
        services.AddSingleton<IRequestDedup, RequestDedup>();
        services.AddSingleton<ITemplateBlocklist, TemplateBlocklist>();
        services.AddSingleton<IVerifiedAddresses, VerifiedAddresses>();
        services.AddSingleton<IAccountCircuits, AccountCircuits>();
        services.AddSingleton<IDeadLetterLog, DeadLetterLog>();
        services.AddSingleton<ICampaignDefinitions, CampaignDefinitions>();
        services.AddSingleton<IWarmupDayLog, WarmupDayLog>();
        return services;
    }
}
