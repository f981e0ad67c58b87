using CampaignFlows.Domain;

namespace CampaignFlows.Warmups;

/// <summary>The body of <c>POST /api/plan</c>.</summary>
/// <param name="Users">Recipients the campaign targets.</param>
/// <param name="MailsPerUser">Mails each recipient gets over the campaign.</param>
/// <param name="CampaignDays">Days the sending is spread over.</param>
/// <param name="SaleDate">When the campaign's sending starts; the warm-up is placed before it.</param>
/// <param name="AttachmentGb">Gigabytes of attachments over the whole campaign.</param>
/// <param name="AttachmentBytesPerMail">Attachment bytes per mail (instead of <paramref name="AttachmentGb"/>).</param>
/// <param name="DedicatedIps">Dedicated IPs to rent; 0 or omitted for the shared pool only.</param>
/// <param name="DedicatedIpMonths">Months the dedicated IPs are kept (1 when omitted).</param>
/// <param name="CheckQuota">Read the account's quota with GetAccount and say whether it suffices (default true).</param>
public sealed record PlanRequest(
    long? Users = null,
    long? MailsPerUser = null,
    int? CampaignDays = null,
    DateTimeOffset? SaleDate = null,
    decimal? AttachmentGb = null,
    long? AttachmentBytesPerMail = null,
    int? DedicatedIps = null,
    int? DedicatedIpMonths = null,
    bool CheckQuota = true)
{
    private const decimal BytesPerGigabyte = 1024m * 1024m * 1024m;

    /// <summary>The planner's request.</summary>
    /// <param name="quota">The account's quota, or null to skip the check.</param>
    /// <exception cref="DomainValidationException">Missing fields or ones the planner cannot use, each named.</exception>
    public CapacityRequest ToCapacityRequest(AccountQuota? quota)
    {
        var errors = new List<ValidationError>();
        if (Users is null) errors.Add(new("users", "is required: the recipients the campaign targets."));
        if (MailsPerUser is null) errors.Add(new("mailsPerUser", "is required: the mails each recipient gets."));
        if (CampaignDays is null) errors.Add(new("campaignDays", "is required: the days the sending is spread over."));
        if (AttachmentGb is not null && AttachmentBytesPerMail is not null) errors.Add(new("attachmentGb", "give 'attachmentGb' or 'attachmentBytesPerMail', not both."));
        if (AttachmentGb < 0) errors.Add(new("attachmentGb", $"must not be negative (was {AttachmentGb})."));
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var total = Users > 0 && MailsPerUser > 0 ? Users!.Value * MailsPerUser!.Value : 0;
        var bytesPerMail = AttachmentBytesPerMail
            ?? (AttachmentGb is { } gb && total > 0 ? (long)decimal.Round(gb * BytesPerGigabyte / total, MidpointRounding.AwayFromZero) : 0);
        return new CapacityRequest(Users!.Value, MailsPerUser!.Value, CampaignDays!.Value, bytesPerMail, DedicatedIps ?? 0, DedicatedIpMonths ?? 1, SaleDate, quota);
    }
}
