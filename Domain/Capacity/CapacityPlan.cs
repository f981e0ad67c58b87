namespace CampaignFlows.Domain;

/// <summary>The capacity planner's answer.</summary>
/// <param name="TotalMails">Users × mails per user.</param>
/// <param name="DailyQuota">Mails a day to ask SES for: total ÷ days × buffer, rounded down.</param>
/// <param name="SendRate">Mails a second to ask SES for.</param>
/// <param name="Cost">The cost estimate.</param>
/// <param name="Quota">Whether the current quota suffices; null when no quota was given.</param>
/// <param name="WarmupStartAt">The latest warm-up start for the sale; null without dedicated IPs or sale date.</param>
/// <param name="Schedule">Warm-up days, then campaign days.</param>
/// <param name="Warnings">Things the user should know, for example a sale too close for a full warm-up.</param>
public sealed record CapacityPlan(
    long TotalMails,
    long DailyQuota,
    long SendRate,
    CostEstimate Cost,
    QuotaCheck? Quota,
    DateTimeOffset? WarmupStartAt,
    IReadOnlyList<ScheduleDay> Schedule,
    IReadOnlyList<string> Warnings);
