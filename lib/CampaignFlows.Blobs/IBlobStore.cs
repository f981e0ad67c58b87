namespace CampaignFlows.Blobs;

/// <summary>
/// Where attachments live: Azure Blob Storage (or Azurite) through <see cref="BlobClient"/>, or a local
/// folder through <see cref="LocalFolderBlobStore"/> when no storage is configured.
/// </summary>
/// <remarks>
/// Both implementations follow the same rules, so the app never asks which one it has: names are
/// validated the same way, uploads and downloads are streamed (never held whole in memory), and
/// <see cref="CreateReadLink"/> gives an expiring, read-only, tamper-proof URL.
/// </remarks>
public interface IBlobStore
{
    /// <summary>Creates the container; succeeds when it already exists.</summary>
    /// <param name="container">A container name (3-63 lower-case letters, digits and single hyphens).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the container exists.</returns>
    Task CreateContainerAsync(string container, CancellationToken cancellationToken = default);

    /// <summary>Writes (or replaces) a blob from a stream, reading it once from its current position.</summary>
    /// <param name="container">An existing container.</param>
    /// <param name="blobName">The blob name (1-1024 characters; '/' makes virtual folders).</param>
    /// <param name="content">The content; read to its end, never buffered whole.</param>
    /// <param name="contentType">The MIME type stored with the blob and returned on download.</param>
    /// <param name="cancellationToken">Cancels the upload; a cancelled upload leaves any previous blob unchanged.</param>
    /// <returns>The properties of the stored blob.</returns>
    Task<BlobProperties> UploadAsync(
        string container, string blobName, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Opens a blob for reading.</summary>
    /// <param name="container">The container.</param>
    /// <param name="blobName">The blob name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The open download (dispose it), or null when the blob does not exist.</returns>
    Task<BlobDownload?> DownloadAsync(string container, string blobName, CancellationToken cancellationToken = default);

    /// <summary>Reads a blob's properties without its content.</summary>
    /// <param name="container">The container.</param>
    /// <param name="blobName">The blob name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The properties, or null when the blob does not exist.</returns>
    Task<BlobProperties?> GetPropertiesAsync(string container, string blobName, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob.</summary>
    /// <param name="container">The container.</param>
    /// <param name="blobName">The blob name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when a blob was deleted, false when there was none.</returns>
    Task<bool> DeleteAsync(string container, string blobName, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of blobs whose names start with a prefix, in ordinal name order.</summary>
    /// <param name="container">The container.</param>
    /// <param name="prefix">The name prefix, or null for all blobs.</param>
    /// <param name="marker">The <see cref="BlobPage.NextMarker"/> of the previous page, or null for the first page.</param>
    /// <param name="maxResults">At most this many blobs (1-5000).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page; its <see cref="BlobPage.NextMarker"/> is null on the last page.</returns>
    Task<BlobPage> ListAsync(
        string container, string? prefix = null, string? marker = null, int maxResults = 5000,
        CancellationToken cancellationToken = default);

    /// <summary>Creates an expiring, read-only link to a blob that needs no other credentials.</summary>
    /// <param name="container">The container.</param>
    /// <param name="blobName">The blob name; the blob need not exist yet.</param>
    /// <param name="options">Expiry and response-header overrides; null for a 7-day link.</param>
    /// <returns>The absolute URL.</returns>
    Uri CreateReadLink(string container, string blobName, BlobLinkOptions? options = null);
}
