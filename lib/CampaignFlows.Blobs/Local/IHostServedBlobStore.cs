namespace CampaignFlows.Blobs;

/// <summary>A blob store whose read links the host serves itself, through <see cref="LocalBlobLinkEndpoints"/>.</summary>
/// <remarks>The endpoint checks a link with <see cref="Validator"/>, then reads the blob through the store.</remarks>
public interface IHostServedBlobStore : IBlobStore
{
    /// <summary>Checks the links this store's <see cref="IBlobStore.CreateReadLink"/> makes.</summary>
    LocalBlobLinkValidator Validator { get; }
}
