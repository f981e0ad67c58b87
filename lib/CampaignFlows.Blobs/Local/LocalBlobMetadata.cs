using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CampaignFlows.Blobs;

/// <summary>
/// The metadata file of a local blob. Writing it (by atomic rename) is the commit point of an upload:
/// it names the data file holding the content, so readers never see a half-written blob.
/// </summary>
internal sealed record LocalBlobMetadata(
    string Name, string ContentType, long ContentLength, string ETag, DateTimeOffset LastModified, string DataFile)
{
    private const string MetadataExtension = ".json";

    internal BlobProperties ToProperties() => new(Name, ContentType, ContentLength, ETag, LastModified);

    /// <summary>
    /// Files are named by a hash of the blob name, so any valid blob name (slashes, dots, 1024 characters)
    /// maps to one safe file name and can never escape the container folder.
    /// </summary>
    internal static string FileStem(string blobName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));

    internal static string MetadataPath(string containerPath, string blobName) =>
        Path.Combine(containerPath, FileStem(blobName) + MetadataExtension);

    internal static IEnumerable<string> AllMetadataPaths(string containerPath) =>
        Directory.EnumerateFiles(containerPath, "*" + MetadataExtension);

    internal static async Task<LocalBlobMetadata?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<LocalBlobMetadata>(file, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    internal async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(file, this, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
