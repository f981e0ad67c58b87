namespace CampaignFlows.Blobs;

/// <summary>Tuning for <see cref="BlobClient"/>.</summary>
public sealed record BlobClientOptions
{
    /// <summary>The largest block the service accepts (4000 MiB).</summary>
    public const int MaxBlockSize = int.MaxValue;

    /// <summary>The most blocks one blob may have.</summary>
    public const int MaxBlockCount = 50_000;

    /// <summary>
    /// Size of each uploaded block, and the size up to which a blob goes up in a single Put Blob.
    /// Memory use of an upload is two blocks: one is sent while the next is read from the source. Default 4 MiB.
    /// </summary>
    public int BlockSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The block size is not positive.</exception>
    internal void Validate()
    {
        if (BlockSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BlockSize), BlockSize, "BlockSize must be a positive number of bytes.");
        }
    }
}
