namespace CampaignFlows.Blobs;

/// <summary>The outcome of checking a local blob link.</summary>
/// <param name="IsValid">True when the link may be served.</param>
/// <param name="Failure">Why it was refused; null when valid. Safe to log: it never contains the key or signature.</param>
/// <param name="ContentDisposition">The Content-Disposition the answer must carry, if the link set one.</param>
/// <param name="ContentType">The Content-Type the answer must carry instead of the stored one, if the link set one.</param>
public sealed record BlobLinkCheck(bool IsValid, string? Failure, string? ContentDisposition, string? ContentType)
{
    internal static BlobLinkCheck Refused(string failure) => new(false, failure, null, null);
}
