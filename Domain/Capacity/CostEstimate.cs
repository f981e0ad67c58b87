namespace CampaignFlows.Domain;

/// <summary>What a campaign costs, in US dollars rounded to cents.</summary>
/// <param name="Recipients">Cost of the recipients.</param>
/// <param name="Attachments">Cost of the attachment data.</param>
/// <param name="DedicatedIps">Cost of the dedicated IPs for the months asked.</param>
public sealed record CostEstimate(decimal Recipients, decimal Attachments, decimal DedicatedIps)
{
    /// <summary>The sum of the parts.</summary>
    public decimal Total => Recipients + Attachments + DedicatedIps;
}
