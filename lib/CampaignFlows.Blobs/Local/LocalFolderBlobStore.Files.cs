namespace CampaignFlows.Blobs;

public sealed partial class LocalFolderBlobStore
{
    private const int CopyBufferSize = 81920;

    /// <inheritdoc />
    /// <remarks>The content goes to a fresh data file; the blob switches to it only when it is complete.</remarks>
    public async Task<BlobProperties> UploadAsync(
        string container, string blobName, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var mediaType = BlobNames.NormalizeContentType(contentType);

        var metadataPath = MetadataPath(container, blobName);
        var previous = await LocalBlobMetadata.ReadAsync(metadataPath, cancellationToken).ConfigureAwait(false);
        var version = Guid.NewGuid().ToString("N");
        var dataFile = $"{LocalBlobMetadata.FileStem(blobName)}.{version}.data";
        var dataPath = Path.Combine(root, container, dataFile);
        long length;
        try
        {
            await using var file = new FileStream(dataPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true);
            await content.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            length = file.Length;
        }
        catch
        {
            File.Delete(dataPath);
            throw;
        }

        var metadata = new LocalBlobMetadata(blobName, mediaType, length, $"\"{version}\"", clock.GetUtcNow(), dataFile);
        await metadata.WriteAsync(metadataPath, cancellationToken).ConfigureAwait(false);
        if (previous is not null)
        {
            File.Delete(DataPath(container, previous));
        }

        return metadata.ToProperties();
    }

    /// <inheritdoc />
    public async Task<BlobDownload?> DownloadAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        var metadataPath = MetadataPath(container, blobName);

        // A concurrent upload may delete the data file between reading metadata and opening it; the new
        // metadata then names the new file, so reading again converges.
        for (var attempt = 0; ; attempt++)
        {
            var metadata = await LocalBlobMetadata.ReadAsync(metadataPath, cancellationToken).ConfigureAwait(false);
            if (metadata is null)
            {
                return null;
            }

            try
            {
                var stream = new FileStream(
                    DataPath(container, metadata), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                    CopyBufferSize, useAsync: true);
                return new BlobDownload(metadata.ToProperties(), stream);
            }
            catch (FileNotFoundException) when (attempt < 3)
            {
            }
        }
    }

    /// <inheritdoc />
    public async Task<BlobProperties?> GetPropertiesAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        var metadata = await LocalBlobMetadata.ReadAsync(MetadataPath(container, blobName), cancellationToken).ConfigureAwait(false);
        return metadata?.ToProperties();
    }
}
