using System.Text.RegularExpressions;
using CampaignFlows.Blobs;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Attachments;

/// <summary>Stores attachments in the blob store under <c>{id}/{file name}</c> and hands out expiring read links.</summary>
public sealed partial class AttachmentStore(IBlobStore blobs, IOptions<AttachmentOptions> options, TimeProvider time) : IAttachmentLinks
{
    private readonly AttachmentOptions _options = options.Value;
    private int _containerReady;

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes => _options.MaxBytes;

    /// <summary>Stores a file under a new id and returns its link.</summary>
    public async Task<AttachmentLink> SaveAsync(Stream content, string fileName, string contentType, CancellationToken cancellation)
    {
        if (Volatile.Read(ref _containerReady) == 0)
        {
            await blobs.CreateContainerAsync(_options.Container, cancellation);
            Volatile.Write(ref _containerReady, 1);
        }
        var id = "att-" + Guid.NewGuid().ToString("N");
        var stored = await blobs.UploadAsync(_options.Container, $"{id}/{SafeName(fileName)}", content, contentType, cancellation);
        return Link(id, stored);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AttachmentLink>> GetLinksAsync(IReadOnlyList<string> ids, CancellationToken cancellation = default)
    {
        var links = new List<AttachmentLink>(ids.Count);
        foreach (var id in ids)
        {
            if (!IdShape().IsMatch(id)) throw new UnknownAttachmentException(id);
            var page = await FindAsync(id, cancellation);
            links.Add(page?.Blobs.Count == 1 ? Link(id, page.Blobs[0]) : throw new UnknownAttachmentException(id));
        }
        return links;
    }

    /// <summary>The attachment's blob listing; null before the first upload, when the container does not exist yet.</summary>
    private async Task<BlobPage?> FindAsync(string id, CancellationToken cancellation)
    {
        try
        {
            return await blobs.ListAsync(_options.Container, id + "/", maxResults: 1, cancellationToken: cancellation);
        }
        catch (BlobStorageException error) when (error.ErrorCode == "ContainerNotFound")
        {
            return null;
        }
    }

    private AttachmentLink Link(string id, BlobProperties blob)
    {
        var expires = time.GetUtcNow() + _options.LinkLifetime;
        var fileName = blob.Name[(id.Length + 1)..];
        var url = blobs.CreateReadLink(_options.Container, blob.Name, new BlobLinkOptions { ExpiresOn = expires });
        return new AttachmentLink(id, fileName, blob.ContentType, blob.ContentLength, url, expires);
    }

    /// <summary>The file name as a blob name segment: path parts dropped, odd characters replaced, length capped.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = UnsafeCharacters().Replace(name, "_").Trim('.', '_');
        if (name.Length == 0) name = "file";
        return name.Length > 200 ? name[^200..] : name;
    }

    [GeneratedRegex("^att-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [GeneratedRegex(@"[^A-Za-z0-9._\-]", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeCharacters();
}
