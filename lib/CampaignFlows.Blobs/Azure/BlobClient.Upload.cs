using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CampaignFlows.Blobs;

public sealed partial class BlobClient
{
    /// <inheritdoc />
    /// <remarks>
    /// Content that fits in one block goes up in a single Put Blob. Longer content goes up block by block
    /// (Put Block) and is committed with Put Block List, so the blob appears whole or not at all; only two
    /// blocks are held in memory at any time.
    /// </remarks>
    public async Task<BlobProperties> UploadAsync(
        string container, string blobName, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var uri = BlobUri(container, blobName);
        var mediaType = BlobNames.ParseContentType(contentType);
        var current = ArrayPool<byte>.Shared.Rent(options.BlockSize);
        var next = ArrayPool<byte>.Shared.Rent(options.BlockSize);
        try
        {
            var currentLength = await FillAsync(content, current, cancellationToken).ConfigureAwait(false);
            var nextLength = currentLength == options.BlockSize ? await FillAsync(content, next, cancellationToken).ConfigureAwait(false) : 0;
            if (nextLength == 0)
            {
                var single = await PutBlobAsync(uri, current.AsMemory(0, currentLength), mediaType, cancellationToken).ConfigureAwait(false);
                logger.BlobUploaded(container, blobName, currentLength, 1);
                return Written(blobName, mediaType, currentLength, single);
            }

            var blockIds = new List<string>();
            long total = 0;
            var nextIsFilled = true;
            while (currentLength > 0)
            {
                // The next block is read from the source while the current one is on the wire.
                var put = PutBlockAsync(uri, BlockId(blockIds.Count, blobName), current.AsMemory(0, currentLength), cancellationToken);
                var fill = nextIsFilled || currentLength < options.BlockSize
                    ? Task.FromResult(nextIsFilled ? nextLength : 0)
                    : FillAsync(content, next, cancellationToken);
                await Task.WhenAll(put, fill).ConfigureAwait(false);
                blockIds.Add(await put.ConfigureAwait(false));
                total += currentLength;
                (current, next) = (next, current);
                currentLength = await fill.ConfigureAwait(false);
                nextIsFilled = false;
            }

            var committed = await PutBlockListAsync(uri, blockIds, mediaType, cancellationToken).ConfigureAwait(false);
            logger.BlobUploaded(container, blobName, total, blockIds.Count);
            return Written(blobName, mediaType, total, committed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    private async Task<(string ETag, DateTimeOffset LastModified)> PutBlobAsync(string uri, ReadOnlyMemory<byte> data, MediaTypeHeaderValue contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ReadOnlyMemoryContent(data) };
        request.Content.Headers.ContentType = contentType;
        request.Content.Headers.ContentMD5 = TransferChecksum(data.Span);
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return (response.Headers.ETag?.Tag ?? "", response.Content.Headers.LastModified ?? clock.GetUtcNow());
    }

    private async Task<string> PutBlockAsync(string uri, string blockId, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var blockUri = $"{uri}?comp=block&blockid={Uri.EscapeDataString(blockId)}";
        using var request = new HttpRequestMessage(HttpMethod.Put, blockUri) { Content = new ReadOnlyMemoryContent(data) };
        request.Content.Headers.ContentMD5 = TransferChecksum(data.Span);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return blockId;
    }

    private async Task<(string ETag, DateTimeOffset LastModified)> PutBlockListAsync(
        string uri, IReadOnlyList<string> blockIds, MediaTypeHeaderValue contentType, CancellationToken cancellationToken)
    {
        var body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds)
        {
            body.Append("<Latest>").Append(id).Append("</Latest>");
        }

        body.Append("</BlockList>");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{uri}?comp=blocklist")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString())),
        };
        request.Headers.TryAddWithoutValidation("x-ms-blob-content-type", contentType.ToString());
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return (response.Headers.ETag?.Tag ?? "", response.Content.Headers.LastModified ?? clock.GetUtcNow());
    }

    /// <summary>The service answers a write with the new ETag and Last-Modified, so no extra round trip is needed.</summary>
    private static BlobProperties Written(
        string blobName, MediaTypeHeaderValue contentType, long length, (string ETag, DateTimeOffset LastModified) written) =>
        new(blobName, contentType.ToString(), length, written.ETag, written.LastModified);

    /// <summary>Block ids must all have the same length within a blob; a fixed-width index guarantees it.</summary>
    private static string BlockId(int index, string blobName)
    {
        if (index >= BlobClientOptions.MaxBlockCount)
        {
            throw new ArgumentException(
                $"Blob '{blobName}' would need more than {BlobClientOptions.MaxBlockCount} blocks; raise BlobClientOptions.BlockSize.");
        }

        return Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D6", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Content-MD5 makes the service verify each request body and refuse one damaged in transit
    /// (400 Md5Mismatch) instead of storing it; MD5 serves here as a checksum, not for security.
    /// </summary>
    private static byte[] TransferChecksum(ReadOnlySpan<byte> data) => MD5.HashData(data);

    private async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken) =>
        await content.ReadAtLeastAsync(buffer.AsMemory(0, options.BlockSize), options.BlockSize, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
}
