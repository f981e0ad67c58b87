using CampaignFlows.Blobs;
using CampaignFlows.Data.Storage;

namespace CampaignFlows.Data.Blobs;

/// <summary>A blob's row; every column is null when a container lookup found no blob.</summary>
internal sealed class BlobRow
{
    public string? Name { get; set; }

    public string Version { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public long ChunkSize { get; set; }

    public long LastModified { get; set; }

    /// <summary>The version doubles as the ETag: it is new on every write.</summary>
    public BlobProperties ToProperties() =>
        new(Name!, ContentType, Length, $"\"{Version}\"", UnixTime.From(LastModified));
}
