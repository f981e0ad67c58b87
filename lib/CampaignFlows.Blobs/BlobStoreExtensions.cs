using System.Runtime.CompilerServices;

namespace CampaignFlows.Blobs;

/// <summary>Conveniences over any <see cref="IBlobStore"/>.</summary>
public static class BlobStoreExtensions
{
    /// <summary>Lists every blob under a prefix, fetching pages as the caller enumerates.</summary>
    /// <param name="store">The store.</param>
    /// <param name="container">The container.</param>
    /// <param name="prefix">The name prefix, or null for all blobs.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The blobs in ordinal name order; only one page is held at a time.</returns>
    public static async IAsyncEnumerable<BlobProperties> ListAllAsync(
        this IBlobStore store, string container, string? prefix = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? marker = null;
        do
        {
            var page = await store.ListAsync(container, prefix, marker, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var blob in page.Blobs)
            {
                yield return blob;
            }

            marker = page.NextMarker;
        }
        while (marker is not null);
    }

    /// <summary>Tells whether a blob exists.</summary>
    /// <param name="store">The store.</param>
    /// <param name="container">The container.</param>
    /// <param name="blobName">The blob name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when the blob exists.</returns>
    public static async Task<bool> ExistsAsync(
        this IBlobStore store, string container, string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetPropertiesAsync(container, blobName, cancellationToken).ConfigureAwait(false) is not null;
    }
}
