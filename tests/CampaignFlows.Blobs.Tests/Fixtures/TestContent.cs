using System.Security.Cryptography;
using System.Text;

namespace CampaignFlows.Blobs.Tests.Fixtures;

public static class TestContent
{
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    public static async Task<byte[]> ReadAllAsync(BlobDownload download)
    {
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        return copy.ToArray();
    }

    public static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>Replaces one query parameter, keeping the others in order, to forge a tampered link.</summary>
    public static Uri WithQuery(Uri link, string name, string value)
    {
        var parts = link.Query.TrimStart('?').Split('&')
            .Select(p => p.StartsWith(name + "=", StringComparison.Ordinal) ? $"{name}={Uri.EscapeDataString(value)}" : p);
        return new Uri($"{link.GetLeftPart(UriPartial.Path)}?{string.Join('&', parts)}");
    }

    public static string QueryValue(Uri link, string name) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..]);

    public static string NewContainerName() => "t" + Guid.NewGuid().ToString("N")[..20];
}
