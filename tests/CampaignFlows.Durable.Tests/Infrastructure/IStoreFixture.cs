namespace CampaignFlows.Durable.Tests.Infrastructure;

/// <summary>Where a conformance test class gets its store: a store type and fresh, isolated connection strings.</summary>
public interface IStoreFixture : IAsyncDisposable
{
    string StoreType { get; }

    /// <summary>A connection string to an empty store no other test uses.</summary>
    string NewConnectionString();
}
