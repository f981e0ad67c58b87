using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Blobs;

/// <summary>
/// Reads one version of a blob chunk by chunk, one short query per chunk, holding only the current chunk. Seekable,
/// because the length and chunk size are known, so a host can answer Range requests without reading from the start.
/// </summary>
internal sealed class DatabaseBlobStream(CampaignDatabase database, string container, BlobRow blob) : Stream
{
    private byte[] chunk = [];
    private long chunkIndex = -1;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => blob.Length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A position cannot be negative.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= blob.Length || buffer.IsEmpty)
        {
            return 0;
        }

        var index = position / blob.ChunkSize;
        if (index != chunkIndex)
        {
            chunk = await ReadChunkAsync(index, cancellationToken).ConfigureAwait(false);
            chunkIndex = index;
        }

        var offset = (int)(position - (index * blob.ChunkSize));
        var count = Math.Min(buffer.Length, chunk.Length - offset);
        if (count <= 0)
        {
            throw Vanished();
        }

        chunk.AsMemory(offset, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The database layer is asynchronous only; a synchronous caller (rare: ASP.NET Core reads asynchronously) waits.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        SeekOrigin.End => blob.Length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "Unknown seek origin."),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A blob download is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A blob download is read-only.");

    private async Task<byte[]> ReadChunkAsync(long index, CancellationToken cancellationToken)
    {
        var args = new { container, name = blob.Name, version = blob.Version, idx = (int)index };
        return await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<byte[]>(BlobQueries.Chunk, args), cancellationToken).ConfigureAwait(false)
            ?? throw Vanished();
    }

    private IOException Vanished() =>
        new($"Blob '{container}/{blob.Name}' was replaced or deleted while it was being read.");
}
