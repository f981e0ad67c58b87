using System.Text;

namespace CampaignFlows.Durable.Client;

/// <summary>Wraps the store's position in an opaque, URL-safe token so callers cannot depend on its shape.</summary>
internal static class ContinuationTokens
{
    public static string? Encode(string? position) =>
        position is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="ArgumentException">The token was not produced by this client.</exception>
    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
        }
        catch (FormatException)
        {
            throw new ArgumentException("The continuation token is not valid; pass the token returned with the previous page.", nameof(token));
        }
    }
}
