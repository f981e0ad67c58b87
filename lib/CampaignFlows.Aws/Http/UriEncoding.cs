using System.Text;

namespace CampaignFlows.Aws.Http;

/// <summary>RFC 3986 percent-encoding as SigV4 and the AWS REST protocols require it: only <c>A-Z a-z 0-9 - _ . ~</c>
/// stay as they are, everything else becomes upper-case <c>%XX</c> of its UTF-8 bytes.</summary>
internal static class UriEncoding
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Encodes one path segment or one query key or value.</summary>
    public static string Encode(string value)
    {
        if (value.All(IsUnreserved)) return value;
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved((char)b)) builder.Append((char)b);
            else builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }
        return builder.ToString();
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';
}
