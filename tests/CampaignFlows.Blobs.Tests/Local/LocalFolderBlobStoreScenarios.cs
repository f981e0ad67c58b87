using CampaignFlows.Blobs.Tests.Fixtures;
using CampaignFlows.Blobs.Tests.Shared;

namespace CampaignFlows.Blobs.Tests.Local;

public sealed class LocalFolderBlobStoreScenarios(LocalLinkHostFixture host) : BlobStoreBehaviour, IClassFixture<LocalLinkHostFixture>
{
    protected override IBlobStore Store { get; } = host.CreateStore();

    protected override HttpClient Anonymous => host.Http;

    protected override IBlobStore StoreAt(TimeSpan offset) => host.CreateStore(new ShiftedClock(offset));
}
