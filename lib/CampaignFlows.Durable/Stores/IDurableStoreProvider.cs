namespace CampaignFlows.Durable.Stores;

/// <summary>Creates the store named by <c>StorageProvider.Type</c>; one provider per store kind is registered in DI.</summary>
public interface IDurableStoreProvider
{
    /// <summary>The type name in configuration, e.g. <c>sqlite</c> or <c>postgres</c> (case-insensitive).</summary>
    string Type { get; }

    /// <summary>Creates the store. Called once per host.</summary>
    IDurableStore Create(DurableStoreSettings settings, IServiceProvider services);
}
