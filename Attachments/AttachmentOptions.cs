namespace CampaignFlows.Attachments;

/// <summary>The "Attachments" configuration section.</summary>
public sealed class AttachmentOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string Section = "Attachments";

    /// <summary>The blob container attachments are stored in.</summary>
    public string Container { get; set; } = "attachments";

    /// <summary>The largest file accepted, in bytes (10 MiB by default: SES's message limit is 40 MB including encoding).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long a read link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Throws naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Blobs.BlobNames.ValidateContainer(Container);
        if (MaxBytes < 1) throw new ArgumentException($"Attachments:MaxBytes must be positive, not {MaxBytes}.");
        if (LinkLifetime <= TimeSpan.Zero) throw new ArgumentException($"Attachments:LinkLifetime must be positive, not {LinkLifetime}.");
    }
}
