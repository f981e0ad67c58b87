using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Functions.Http;

/// <summary>The keys HTTP callers present, and the checks against them.</summary>
/// <param name="MasterKey">The admin key: accepted everywhere.</param>
/// <param name="FunctionKeys">Accepted on function-level routes only.</param>
/// <param name="SystemKey">Accepted on the management API; put as <c>code</c> into the URLs it hands out.</param>
internal sealed record HostKeys(string MasterKey, IReadOnlyDictionary<string, string> FunctionKeys, string SystemKey)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    /// <summary>The status a request gets at this level: 200 when allowed, 401 without a valid key, 403 for a valid key that is not enough.</summary>
    public int Authorize(HttpRequest request, AuthorizationLevel level, bool systemKeyAllowed = false)
    {
        if (level == AuthorizationLevel.Anonymous) return StatusCodes.Status200OK;
        var presented = Presented(request);
        if (presented is null) return StatusCodes.Status401Unauthorized;
        if (Matches(presented, MasterKey)) return StatusCodes.Status200OK;
        if (systemKeyAllowed && Matches(presented, SystemKey)) return StatusCodes.Status200OK;
        var isFunctionKey = FunctionKeys.Values.Aggregate(false, (found, key) => Matches(presented, key) | found);
        if (!isFunctionKey) return StatusCodes.Status401Unauthorized;
        return level == AuthorizationLevel.Function ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden;
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrEmpty(header)) return header.ToString();
        return request.Query.TryGetValue(QueryName, out var code) && !string.IsNullOrEmpty(code) ? code.ToString() : null;
    }

    /// <summary>Compares hashes so neither the content nor the length of a key leaks through timing.</summary>
    private static bool Matches(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The system key every host sharing the master key derives alike, so URLs from one host work on all.</summary>
    public static string DeriveSystemKey(string masterKey) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(masterKey), "durabletask_extension"u8));

    /// <summary>A new random key.</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
