namespace CampaignFlows.Blobs;

/// <summary>Builds blob URLs with each path segment percent-encoded, keeping '/' as the virtual folder separator.</summary>
internal static class BlobPaths
{
    /// <summary>The container URL.</summary>
    internal static string ContainerUri(Uri endpoint, string container) => $"{endpoint.AbsoluteUri.TrimEnd('/')}/{container}";

    /// <summary>The blob URL, without a query.</summary>
    internal static string BlobUri(Uri endpoint, string container, string blobName) =>
        $"{ContainerUri(endpoint, container)}/{EscapePath(blobName)}";

    /// <summary>Percent-encodes each '/'-separated segment.</summary>
    internal static string EscapePath(string blobName) =>
        string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
}
