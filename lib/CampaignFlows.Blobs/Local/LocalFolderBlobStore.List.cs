namespace CampaignFlows.Blobs;

public sealed partial class LocalFolderBlobStore
{
    /// <inheritdoc />
    /// <remarks>The marker is the name of the last blob of the previous page; the next page starts after it.</remarks>
    public async Task<BlobPage> ListAsync(
        string container, string? prefix = null, string? marker = null, int maxResults = 5000,
        CancellationToken cancellationToken = default)
    {
        BlobNames.ValidatePageSize(maxResults);

        var matches = new List<BlobProperties>();
        foreach (var path in LocalBlobMetadata.AllMetadataPaths(ExistingContainerPath(container)))
        {
            var metadata = await LocalBlobMetadata.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (metadata is not null
                && (prefix is null || metadata.Name.StartsWith(prefix, StringComparison.Ordinal))
                && (marker is null || string.CompareOrdinal(metadata.Name, marker) > 0))
            {
                matches.Add(metadata.ToProperties());
            }
        }

        matches.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var page = matches.Take(maxResults).ToList();
        return new BlobPage(page, matches.Count > maxResults ? page[^1].Name : null);
    }
}
