using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CampaignFlows.Blobs;

/// <summary>
/// The signed-link scheme of the local folder store. It keeps the rules of a read-only service SAS:
/// an HMAC-SHA256 over version, permissions, expiry, blob path and response overrides, so changing any
/// of them (or the blob name) breaks the signature; expiry is enforced; comparison is constant-time.
/// </summary>
internal static class LocalBlobLink
{
    /// <summary>The version tag of the scheme, carried as <c>sv</c> so it can change without breaking old links silently.</summary>
    internal const string Version = "local1";

    /// <summary>Read only, as for the Azure links.</summary>
    internal const string ReadPermission = "r";

    /// <summary>Shorter keys would weaken HMAC-SHA256 below its output size.</summary>
    internal const int MinKeyLength = 32;

    /// <summary>The expiry as carried in links.</summary>
    internal static string FormatExpiry(DateTimeOffset expiry) =>
        expiry.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Parses a carried expiry; only the exact format produced by <see cref="FormatExpiry"/> is accepted.</summary>
    internal static bool TryParseExpiry(string? value, out DateTimeOffset expiry) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiry);

    /// <summary>The string to sign: one field per line, the blob path unescaped.</summary>
    internal static string StringToSign(
        string permissions, string expiry, string container, string blobName, string? contentDisposition, string? contentType) =>
        string.Join('\n', Version, permissions, expiry, $"/{container}/{blobName}", contentDisposition ?? "", contentType ?? "");

    /// <summary>HMAC-SHA256 of the string to sign.</summary>
    internal static byte[] Sign(ReadOnlySpan<byte> key, string stringToSign) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign));

    /// <summary>Builds the full link URL.</summary>
    internal static Uri Create(
        byte[] key, Uri linkBase, string container, string blobName, DateTimeOffset expiry, string? contentDisposition, string? contentType)
    {
        var se = FormatExpiry(expiry);
        var signature = Sign(key, StringToSign(ReadPermission, se, container, blobName, contentDisposition, contentType));
        var query = new StringBuilder()
            .Append("sv=").Append(Version)
            .Append("&se=").Append(Uri.EscapeDataString(se))
            .Append("&sp=").Append(ReadPermission);
        if (contentDisposition is not null)
        {
            query.Append("&rscd=").Append(Uri.EscapeDataString(contentDisposition));
        }

        if (contentType is not null)
        {
            query.Append("&rsct=").Append(Uri.EscapeDataString(contentType));
        }

        query.Append("&sig=").Append(Uri.EscapeDataString(Convert.ToBase64String(signature)));
        return new Uri($"{BlobPaths.BlobUri(linkBase, container, blobName)}?{query}");
    }
}
