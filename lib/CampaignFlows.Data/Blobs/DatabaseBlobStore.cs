using System.Net;
using CampaignFlows.Blobs;
using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Blobs;

/// <summary>
/// Blobs kept in the campaign database, with links the host serves (<see cref="LocalBlobLinkEndpoints"/>). On
/// PostgreSQL every host shares them: what one host stored, any host reads, and a link made by one host opens on
/// any host that signs with the same key (<see cref="HostBlobLinkKey"/>).
/// </summary>
/// <remarks>
/// Content is streamed in chunks of <see cref="ChunkSize"/> bytes, one row each, so neither an upload nor a download
/// holds more than one chunk in memory or a connection for longer than one chunk. It suits attachments and staged
/// audiences of a deployment without a storage account; large deployments should use Azure Storage.
/// </remarks>
public sealed partial class DatabaseBlobStore : IHostServedBlobStore
{
    /// <summary>The size of one content row: large enough that a download is few queries, small enough to hold.</summary>
    public const int ChunkSize = 1024 * 1024;

    /// <summary>How long an unfinished upload may stay before another upload sweeps its chunks away.</summary>
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    private readonly CampaignDatabase database;
    private readonly HostBlobLinks links;
    private readonly TimeProvider clock;

    internal DatabaseBlobStore(CampaignDatabase database, HostBlobLinks links, TimeProvider? clock = null)
    {
        this.database = database;
        this.links = links;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public LocalBlobLinkValidator Validator => links.Validator;

    /// <inheritdoc />
    public Task CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        var args = new { container, now = UnixTime.Ms(clock.GetUtcNow()) };
        return database.WriteAsync((c, t) => c.ExecuteAsync(BlobQueries.CreateContainer, args, t), cancellationToken);
    }

    /// <inheritdoc />
    public Uri CreateReadLink(string container, string blobName, BlobLinkOptions? options = null) =>
        links.Create(container, blobName, options);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        Validate(container, blobName);
        var args = new { container, name = blobName };
        return database.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>(BlobQueries.ContainerExists, args, t).ConfigureAwait(false) == 0)
            {
                throw ContainerNotFound(container);
            }

            var deleted = await c.ExecuteAsync(BlobQueries.DeleteBlob, args, t).ConfigureAwait(false) == 1;
            await c.ExecuteAsync(BlobQueries.DropStaleChunks, args, t).ConfigureAwait(false);
            return deleted;
        }, cancellationToken);
    }

    private static void Validate(string container, string blobName)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidateBlob(blobName);
    }

    private static BlobStorageException ContainerNotFound(string container) =>
        new(HttpStatusCode.NotFound, "ContainerNotFound", null, $"Container '{container}' does not exist in the blob database.");
}
