namespace CampaignFlows.Blobs;

/// <summary>
/// Makes and checks the signed read links a host serves itself (see <see cref="LocalBlobLinkEndpoints"/>), for the
/// stores that have no storage service to sign for them: the local folder and the shared database.
/// </summary>
/// <remarks>
/// A link made by one host opens on any host that holds the same key and serves the same store, so hosts that
/// share a database must share the key too (see <see cref="HostBlobLinkKey"/>).
/// </remarks>
public sealed class HostBlobLinks
{
    private readonly byte[] key;
    private readonly Uri linkBase;
    private readonly TimeProvider clock;

    /// <summary>Creates links under <paramref name="linkBase"/> signed with <paramref name="key"/>.</summary>
    /// <param name="key">The HMAC key (at least 32 bytes).</param>
    /// <param name="linkBase">The absolute http(s) URL the host serves links under, e.g. <c>http://localhost:7071/blobs</c>.</param>
    /// <param name="clock">The clock for link expiry; null for the system clock.</param>
    /// <exception cref="ArgumentException">The key is too short or the base URL is not an absolute http(s) URL without a query.</exception>
    public HostBlobLinks(byte[] key, Uri linkBase, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ValidateLinkBase(linkBase, nameof(linkBase));
        this.clock = clock ?? TimeProvider.System;
        Validator = new LocalBlobLinkValidator(key, this.clock);
        this.key = key.ToArray();
        this.linkBase = linkBase;
    }

    /// <summary>Checks links made by <see cref="Create"/>; the host uses it to serve them.</summary>
    public LocalBlobLinkValidator Validator { get; }

    /// <summary>Creates an expiring, read-only link to a blob, as <see cref="IBlobStore.CreateReadLink"/> does.</summary>
    /// <param name="container">The container.</param>
    /// <param name="blobName">The blob name; the blob need not exist yet.</param>
    /// <param name="options">Expiry and response-header overrides; null for a 7-day link.</param>
    /// <returns>The absolute URL.</returns>
    public Uri Create(string container, string blobName, BlobLinkOptions? options = null)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidateBlob(blobName);
        options ??= new BlobLinkOptions();
        var expiry = options.ResolveExpiry(clock.GetUtcNow());
        return LocalBlobLink.Create(key, linkBase, container, blobName, expiry, options.ContentDisposition, options.ContentType);
    }

    /// <summary>Checks a link base URL: absolute http(s) without a query.</summary>
    internal static void ValidateLinkBase(Uri? linkBase, string name)
    {
        if (linkBase is null || !linkBase.IsAbsoluteUri
            || (linkBase.Scheme != Uri.UriSchemeHttp && linkBase.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(linkBase.Query))
        {
            throw new ArgumentException($"The link base URL '{linkBase}' must be an absolute http(s) URL without a query.", name);
        }
    }
}
