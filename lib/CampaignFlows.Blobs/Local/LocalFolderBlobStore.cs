using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Blobs;

/// <summary>
/// The embedded default blob store: blobs in a local folder, links signed with a local key and served by
/// the host (see <see cref="LocalBlobLinkEndpoints"/>). Used when no storage account is configured.
/// </summary>
/// <remarks>
/// It follows the same naming rules, streaming and link rules as <see cref="BlobClient"/>. Listing reads
/// every metadata file of the container, which suits the few attachments of a local run, not millions.
/// </remarks>
public sealed partial class LocalFolderBlobStore : IHostServedBlobStore
{
    private readonly string root;
    private readonly TimeProvider clock;

    /// <summary>Opens (and creates if needed) the store folder.</summary>
    /// <param name="options">Folder, link base URL and optional signing key.</param>
    /// <param name="clock">The clock for link expiry and timestamps; null for the system clock.</param>
    /// <param name="logger">Where key creation is logged; null for none.</param>
    public LocalFolderBlobStore(LocalFolderBlobStoreOptions options, TimeProvider? clock = null, ILogger<LocalFolderBlobStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        root = Path.GetFullPath(options.RootPath);
        Directory.CreateDirectory(root);
        this.clock = clock ?? TimeProvider.System;
        var key = options.SigningKey;
        if (key is null)
        {
            (key, var created) = LocalLinkKey.LoadOrCreate(root);
            if (created)
            {
                ((ILogger?)logger ?? NullLogger.Instance).LocalLinkKeyCreated(Path.Combine(root, LocalLinkKey.FileName));
            }
        }

        Links = new HostBlobLinks(key, options.LinkBaseUri, this.clock);
    }

    /// <summary>Makes and checks this store's links; another host-served store may sign with it to share the key.</summary>
    public HostBlobLinks Links { get; }

    /// <summary>Checks links made by <see cref="CreateReadLink"/>; the host uses it to serve them.</summary>
    public LocalBlobLinkValidator Validator => Links.Validator;

    /// <inheritdoc />
    public Task CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        Directory.CreateDirectory(Path.Combine(root, container));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Uri CreateReadLink(string container, string blobName, BlobLinkOptions? options = null) =>
        Links.Create(container, blobName, options);

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        var metadataPath = MetadataPath(container, blobName);
        var metadata = await LocalBlobMetadata.ReadAsync(metadataPath, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return false;
        }

        File.Delete(metadataPath);
        File.Delete(DataPath(container, metadata));
        return true;
    }

    private string ExistingContainerPath(string container)
    {
        BlobNames.ValidateContainer(container);
        var path = Path.Combine(root, container);
        return Directory.Exists(path)
            ? path
            : throw new BlobStorageException(HttpStatusCode.NotFound, "ContainerNotFound", null,
                $"Container '{container}' does not exist in the local blob folder.");
    }

    private string MetadataPath(string container, string blobName)
    {
        BlobNames.ValidateBlob(blobName);
        return LocalBlobMetadata.MetadataPath(ExistingContainerPath(container), blobName);
    }

    private string DataPath(string container, LocalBlobMetadata metadata) =>
        Path.Combine(root, container, metadata.DataFile);
}
