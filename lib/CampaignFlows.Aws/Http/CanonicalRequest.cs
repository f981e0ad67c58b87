using System.Net.Http.Headers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CampaignFlows.Aws.Http;

/// <summary>Builds the SigV4 canonical request of an <see cref="HttpRequestMessage"/> (the part AWSSDK.Core's
/// public API leaves to the caller); the signature itself comes from AWSSDK.Core's <c>AWS4Signer</c>.</summary>
internal static class CanonicalRequest
{
    // Headers that proxies and the HTTP stack may add, drop or rewrite in flight; signing them breaks the signature.
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "content-length", "user-agent", "expect", "transfer-encoding", "connection", "x-amzn-trace-id",
    };

    /// <summary>Returns the canonical request text and the <c>;</c>-joined signed header names.</summary>
    /// <param name="request">The request, with every header that should be signed already set.</param>
    /// <param name="payloadHash">Hex SHA-256 of the body.</param>
    /// <param name="doubleEncodePath">True for every service but S3: AWS encodes the already-encoded path again.</param>
    public static (string Canonical, string SignedHeaders) Build(HttpRequestMessage request, string payloadHash, bool doubleEncodePath)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no RequestUri to sign.", nameof(request));
        var headers = CollectHeaders(request, uri);
        var signedHeaders = string.Join(';', headers.Keys);
        var builder = new StringBuilder(256);
        builder.Append(request.Method.Method).Append('\n');
        builder.Append(CanonicalPath(uri.AbsolutePath, doubleEncodePath)).Append('\n');
        builder.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in headers)
            builder.Append(name).Append(':').Append(value).Append('\n');
        builder.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        return (builder.ToString(), signedHeaders);
    }

    /// <summary>Lower-case hex SHA-256 of a body.</summary>
    public static string HashPayload(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static SortedDictionary<string, string> CollectHeaders(HttpRequestMessage request, Uri uri)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.Headers.Host ?? (uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}"),
        };
        Add(headers, request.Headers.NonValidated);
        if (request.Content is not null) Add(headers, request.Content.Headers.NonValidated);
        return headers;
    }

    private static void Add(SortedDictionary<string, string> target, HttpHeadersNonValidated source)
    {
        foreach (var (name, values) in source)
        {
            if (UnsignedHeaders.Contains(name) || name.Equals("host", StringComparison.OrdinalIgnoreCase)) continue;
            var joined = string.Join(',', values.Select(TrimAll));
            var key = name.ToLowerInvariant();
            target[key] = target.TryGetValue(key, out var existing) ? existing + "," + joined : joined;
        }
    }

    // SigV4 trims a header value and collapses each run of white space inside it to one space.
    private static string TrimAll(string value)
    {
        var trimmed = value.AsSpan().Trim();
        if (trimmed.IndexOf("  ", StringComparison.Ordinal) < 0 && trimmed.IndexOfAny('\t', '\n', '\r') < 0)
            return trimmed.Length == value.Length ? value : trimmed.ToString();
        var builder = new StringBuilder(trimmed.Length);
        var lastWasSpace = false;
        foreach (var c in trimmed)
        {
            var isSpace = c is ' ' or '\t' or '\n' or '\r';
            if (!isSpace || !lastWasSpace) builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }
        return builder.ToString();
    }

    private static string CanonicalPath(string escapedPath, bool doubleEncode)
    {
        if (escapedPath.Length == 0) return "/";
        if (!doubleEncode) return escapedPath;
        return string.Join('/', escapedPath.Split('/').Select(segment => UriEncoding.Encode(segment)));
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1) return "";
        var pairs = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var eq = pair.IndexOf('=');
                var key = eq < 0 ? pair : pair[..eq];
                var value = eq < 0 ? "" : pair[(eq + 1)..];
                return (Key: UriEncoding.Encode(Uri.UnescapeDataString(key)), Value: UriEncoding.Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }
}
