namespace CampaignFlows.Blobs;

/// <summary>An open blob: its properties and a forward-only stream of its content.</summary>
/// <remarks>Dispose it to release the connection or file handle behind the stream.</remarks>
public sealed class BlobDownload : IDisposable, IAsyncDisposable
{
    private readonly IDisposable? owner;

    /// <summary>Wraps an open content stream.</summary>
    /// <param name="properties">The blob's properties.</param>
    /// <param name="content">The content stream, read from the start of the blob.</param>
    /// <param name="owner">Something to dispose with the stream (e.g. the HTTP response), if any.</param>
    public BlobDownload(BlobProperties properties, Stream content, IDisposable? owner = null)
    {
        Properties = properties;
        Content = content;
        this.owner = owner;
    }

    /// <summary>The blob's properties (content type, length, ETag).</summary>
    public BlobProperties Properties { get; }

    /// <summary>The content, streamed; it is not seekable in general.</summary>
    public Stream Content { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        owner?.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        owner?.Dispose();
    }
}
