using CampaignFlows.Blobs.Tests.Fixtures;
using CampaignFlows.Blobs.Tests.Shared;

namespace CampaignFlows.Blobs.Tests.Azure;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteBlobStoreScenarios(AzuriteFixture azurite) : BlobStoreBehaviour
{
    private static readonly BlobClientOptions SmallBlocks = new() { BlockSize = OneMegabyte };

    protected override IBlobStore Store { get; } = azurite.CreateClient(SmallBlocks);

    protected override HttpClient Anonymous => azurite.Http;

    protected override IBlobStore StoreAt(TimeSpan offset) => azurite.CreateClient(SmallBlocks, new ShiftedClock(offset));
}
