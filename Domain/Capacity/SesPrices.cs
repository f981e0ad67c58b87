namespace CampaignFlows.Domain;

/// <summary>SES prices used for cost estimates, in US dollars; set from configuration.</summary>
/// <param name="PerThousandRecipients">Price per 1,000 recipients (default $0.10).</param>
/// <param name="PerAttachmentGigabyte">Price per GB of attachments sent (default $0.12; 1 GB = 2^30 bytes).</param>
/// <param name="PerDedicatedIpMonth">Price per dedicated IP per month (default $24.95).</param>
public sealed record SesPrices(
    decimal PerThousandRecipients = 0.10m,
    decimal PerAttachmentGigabyte = 0.12m,
    decimal PerDedicatedIpMonth = 24.95m)
{
    /// <summary>The published prices the design quotes.</summary>
    public static SesPrices Default { get; } = new();
}
