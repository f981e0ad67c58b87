namespace CampaignFlows.Domain;

/// <summary>What the capacity planner is asked.</summary>
/// <param name="Users">Recipients the campaign targets.</param>
/// <param name="MailsPerUser">Mails each recipient gets over the campaign (for example 2 teasers and the sale mail: 3).</param>
/// <param name="CampaignDays">Days the campaign's sending is spread over.</param>
/// <param name="AttachmentBytesPerMail">Attachment bytes each mail carries; 0 when attachments are links.</param>
/// <param name="DedicatedIps">Dedicated IPs to rent; 0 for the shared pool only (then no warm-up is planned).</param>
/// <param name="DedicatedIpMonths">Months the dedicated IPs are kept.</param>
/// <param name="SaleAt">When the campaign's sending starts; null when not yet fixed.</param>
/// <param name="CurrentQuota">The account's quota to check against; null to skip the check.</param>
public sealed record CapacityRequest(
    long Users,
    long MailsPerUser,
    int CampaignDays,
    long AttachmentBytesPerMail = 0,
    int DedicatedIps = 0,
    int DedicatedIpMonths = 1,
    DateTimeOffset? SaleAt = null,
    AccountQuota? CurrentQuota = null);
