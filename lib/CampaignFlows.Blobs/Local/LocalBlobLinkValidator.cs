using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace CampaignFlows.Blobs;

/// <summary>
/// Checks links made by <see cref="LocalFolderBlobStore.CreateReadLink"/> with the same rules a service SAS
/// follows: the signature covers version, permissions, expiry, blob path and overrides, is compared in
/// constant time, and the expiry is enforced.
/// </summary>
public sealed class LocalBlobLinkValidator
{
    private readonly byte[] key;
    private readonly TimeProvider clock;

    /// <summary>Creates a validator for links signed with <paramref name="key"/>.</summary>
    /// <param name="key">The signing key (at least 32 bytes).</param>
    /// <param name="clock">The clock expiry is checked against; null for the system clock.</param>
    public LocalBlobLinkValidator(byte[] key, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < LocalBlobLink.MinKeyLength)
        {
            throw new ArgumentException($"The link key must be at least {LocalBlobLink.MinKeyLength} bytes.", nameof(key));
        }

        this.key = key.ToArray();
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Checks a link for reading a blob.</summary>
    /// <param name="container">The container from the link's path, unescaped.</param>
    /// <param name="blobName">The blob name from the link's path, unescaped.</param>
    /// <param name="query">The link's query parameters (an ASP.NET Core <c>IQueryCollection</c> fits).</param>
    /// <returns>Whether to serve it, and the response overrides to apply.</returns>
    public BlobLinkCheck Validate(string container, string blobName, IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            if (values.Count != 1)
            {
                return BlobLinkCheck.Refused($"query parameter '{name}' appears more than once");
            }

            parameters[name] = values[0];
        }

        return Validate(container, blobName, parameters);
    }

    private BlobLinkCheck Validate(string container, string blobName, Dictionary<string, string?> parameters)
    {
        var version = parameters.GetValueOrDefault("sv");
        var permissions = parameters.GetValueOrDefault("sp");
        var expiry = parameters.GetValueOrDefault("se");
        var disposition = parameters.GetValueOrDefault("rscd");
        var contentType = parameters.GetValueOrDefault("rsct");
        if (version != LocalBlobLink.Version)
        {
            return BlobLinkCheck.Refused($"unsupported link version '{version}'");
        }

        if (!TryDecode(parameters.GetValueOrDefault("sig"), out var signature))
        {
            return BlobLinkCheck.Refused("the signature is missing or not base64");
        }

        if (!LocalBlobLink.TryParseExpiry(expiry, out var expiresOn))
        {
            return BlobLinkCheck.Refused("the expiry is missing or malformed");
        }

        var expected = LocalBlobLink.Sign(
            key, LocalBlobLink.StringToSign(permissions ?? "", expiry!, container, blobName, disposition, contentType));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return BlobLinkCheck.Refused("the signature does not match");
        }

        if (clock.GetUtcNow() >= expiresOn)
        {
            return BlobLinkCheck.Refused($"the link expired at {expiry}");
        }

        // Only read links are ever signed; refusing anything else keeps that true even if the key leaks into another tool.
        return permissions == LocalBlobLink.ReadPermission
            ? new BlobLinkCheck(true, null, disposition, contentType)
            : BlobLinkCheck.Refused($"permissions '{permissions}' are not read-only");
    }

    private static bool TryDecode(string? value, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
