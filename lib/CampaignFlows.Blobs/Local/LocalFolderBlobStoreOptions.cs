namespace CampaignFlows.Blobs;

/// <summary>Where <see cref="LocalFolderBlobStore"/> keeps blobs and how its links look.</summary>
public sealed record LocalFolderBlobStoreOptions
{
    /// <summary>The folder holding one sub-folder per container. Created if missing.</summary>
    public required string RootPath { get; init; }

    /// <summary>
    /// The absolute URL under which the host serves links, e.g. <c>http://localhost:7071/blobs</c>;
    /// a link is <c>{LinkBaseUri}/{container}/{blob}?sv=...&amp;se=...&amp;sp=r&amp;sig=...</c>.
    /// </summary>
    public required Uri LinkBaseUri { get; init; }

    /// <summary>
    /// The HMAC key that signs links (at least 32 bytes). When null, a random key is created once in
    /// <c>{RootPath}/.link-key</c> and reused, so links survive restarts.
    /// </summary>
    public byte[]? SigningKey { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A setting is missing or malformed; the message names it.</exception>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(RootPath))
        {
            throw new ArgumentException("LocalFolderBlobStoreOptions.RootPath is required.", nameof(RootPath));
        }

        HostBlobLinks.ValidateLinkBase(LinkBaseUri, nameof(LinkBaseUri));

        if (SigningKey is { Length: < LocalBlobLink.MinKeyLength })
        {
            throw new ArgumentException(
                $"LocalFolderBlobStoreOptions.SigningKey must be at least {LocalBlobLink.MinKeyLength} bytes.", nameof(SigningKey));
        }
    }
}
