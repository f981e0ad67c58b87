namespace CampaignFlows.Domain;

/// <summary>When a running campaign's health gate reacts; set from configuration.</summary>
/// <param name="BounceRatePause">Pause the campaign at this bounce rate or above (default 0.05, 5%).</param>
/// <param name="ComplaintRatePause">Pause the campaign at this complaint rate or above (default 0.001, 0.1%).</param>
/// <param name="ErrorRateSwitch">Switch account or region when the send error rate is at or above this in every one of <paramref name="ErrorWindows"/> consecutive windows (default 0.10, 10%).</param>
/// <param name="ErrorWindows">Consecutive windows the error rate must stay high (default 2).</param>
/// <param name="QuotaUsedAlert">Alert and hold the lowest-priority streams at this share of Max24HourSend (default 0.90).</param>
/// <param name="MinimumSample">Sent mails (or attempts per error window) needed before a bounce or error rate is judged (default 100).</param>
/// <param name="ComplaintMinimumSample">Sent mails needed before the complaint rate is judged (default 1,000: at 0.1%, one complaint in fewer mails says little).</param>
public sealed record HealthThresholds(
    decimal BounceRatePause = 0.05m,
    decimal ComplaintRatePause = 0.001m,
    decimal ErrorRateSwitch = 0.10m,
    int ErrorWindows = 2,
    decimal QuotaUsedAlert = 0.90m,
    long MinimumSample = 100,
    long ComplaintMinimumSample = 1_000)
{
    /// <summary>The design's defaults.</summary>
    public static HealthThresholds Default { get; } = new();

    /// <summary>Refuses thresholds that cannot work.</summary>
    /// <exception cref="DomainValidationException">A rate outside (0, 1] or a non-positive count.</exception>
    public HealthThresholds Validated()
    {
        new Guard()
            .Rate(BounceRatePause, "bounceRatePause")
            .Rate(ComplaintRatePause, "complaintRatePause")
            .Rate(ErrorRateSwitch, "errorRateSwitch")
            .Positive(ErrorWindows, "errorWindows")
            .Rate(QuotaUsedAlert, "quotaUsedAlert")
            .Positive(MinimumSample, "minimumSample")
            .Positive(ComplaintMinimumSample, "complaintMinimumSample")
            .ThrowIfAny();
        return this;
    }
}
