namespace CampaignFlows.Blobs.Tests.Fixtures;

/// <summary>All Azurite tests share one emulator; each test uses its own container.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
