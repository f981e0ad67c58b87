namespace CampaignFlows.Blobs;

/// <summary>What is known about a stored blob.</summary>
/// <param name="Name">The blob name.</param>
/// <param name="ContentType">The MIME type given when it was uploaded.</param>
/// <param name="ContentLength">The size in bytes.</param>
/// <param name="ETag">The entity tag, quoted as HTTP sends it; it changes on every write.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record BlobProperties(
    string Name, string ContentType, long ContentLength, string ETag, DateTimeOffset LastModified);

/// <summary>One page of a blob listing.</summary>
/// <param name="Blobs">The blobs on this page, in ordinal name order.</param>
/// <param name="NextMarker">Pass to the next call for the following page; null on the last page.</param>
public sealed record BlobPage(IReadOnlyList<BlobProperties> Blobs, string? NextMarker);
