using CampaignFlows.Blobs;
using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Blobs;

public sealed partial class DatabaseBlobStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Each chunk is written in a short transaction of its own under a new version that nothing reads yet; a last
    /// transaction switches the blob to it and drops the previous version's chunks. A failed or cancelled upload
    /// removes its chunks and leaves the previous blob as it was; one cut off by a crash is swept a day later.
    /// </remarks>
    public async Task<BlobProperties> UploadAsync(
        string container, string blobName, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Validate(container, blobName);
        var mediaType = BlobNames.NormalizeContentType(contentType);
        var upload = new { container, name = blobName, version = Guid.NewGuid().ToString("N") };
        await StartUploadAsync(upload.container, upload.name, upload.version, cancellationToken).ConfigureAwait(false);
        try
        {
            var length = await WriteChunksAsync(content, upload.container, upload.name, upload.version, cancellationToken).ConfigureAwait(false);
            var now = UnixTime.Ms(clock.GetUtcNow());
            var published = new { upload.container, upload.name, upload.version, contentType = mediaType, length, chunkSize = ChunkSize, now };
            await database.WriteAsync(async (c, t) =>
            {
                await c.ExecuteAsync(BlobQueries.Publish, published, t).ConfigureAwait(false);
                await c.ExecuteAsync(BlobQueries.FinishUpload, published, t).ConfigureAwait(false);
                return await c.ExecuteAsync(BlobQueries.DropStaleChunks, published, t).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return new BlobProperties(blobName, mediaType, length, $"\"{upload.version}\"", UnixTime.From(now));
        }
        catch
        {
            // Not cancellable: the caller's token may be what ended the upload, and its chunks must still go.
            await database.WriteAsync(async (c, t) =>
            {
                await c.ExecuteAsync(BlobQueries.AbandonUpload, upload, t).ConfigureAwait(false);
                return await c.ExecuteAsync(BlobQueries.FinishUpload, upload, t).ConfigureAwait(false);
            }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private Task StartUploadAsync(string container, string name, string version, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var args = new { container, name, version, now = UnixTime.Ms(now), cutoff = UnixTime.Ms(now - AbandonedAfter) };
        return database.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>(BlobQueries.ContainerExists, args, t).ConfigureAwait(false) == 0)
            {
                throw ContainerNotFound(container);
            }

            await c.ExecuteAsync(BlobQueries.SweepAbandonedUploads, args, t).ConfigureAwait(false);
            return await c.ExecuteAsync(BlobQueries.StartUpload, args, t).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<long> WriteChunksAsync(Stream content, string container, string name, string version, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        long length = 0;
        for (var idx = 0; ; idx++)
        {
            var read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return length;
            }

            var args = new { container, name, version, idx, data = read == ChunkSize ? buffer : buffer[..read] };
            await database.WriteAsync((c, t) => c.ExecuteAsync(BlobQueries.WriteChunk, args, t), cancellationToken).ConfigureAwait(false);
            length += read;
            if (read < ChunkSize)
            {
                return length;
            }
        }
    }
}
