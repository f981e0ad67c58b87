namespace CampaignFlows.Attachments;

/// <summary>Expiring read links for uploaded attachments: campaign mails carry links, not files.</summary>
public interface IAttachmentLinks
{
    /// <summary>A link per id, in the order given.</summary>
    /// <exception cref="UnknownAttachmentException">An id names no stored attachment.</exception>
    Task<IReadOnlyList<AttachmentLink>> GetLinksAsync(IReadOnlyList<string> ids, CancellationToken cancellation = default);
}

/// <summary>A stored attachment and its read link.</summary>
/// <param name="Id">The attachment id.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="ContentType">Its MIME type.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Url">The expiring, read-only link.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record AttachmentLink(string Id, string FileName, string ContentType, long Size, Uri Url, DateTimeOffset ExpiresAt);

/// <summary>An attachment id names nothing stored.</summary>
/// <param name="id">The id.</param>
public sealed class UnknownAttachmentException(string id) : Exception($"No attachment with id '{id}' is stored.")
{
    /// <summary>The unknown id.</summary>
    public string Id { get; } = id;
}
