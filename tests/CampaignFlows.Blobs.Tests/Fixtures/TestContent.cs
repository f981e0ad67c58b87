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

/// <summary>A stream that can only be read forward, to prove uploads never seek or ask for a length.</summary>
public sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 7919));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer[..Math.Min(buffer.Length, 7919)], cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
