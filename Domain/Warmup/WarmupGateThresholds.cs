namespace CampaignFlows.Domain;

/// <summary>What a warm-up day must stay under to advance the plan.</summary>
/// <param name="BounceRateBelow">Bounces ÷ sent must be below this fraction (default 0.02, 2%).</param>
/// <param name="ComplaintRateBelow">Complaints ÷ sent must be below this fraction (default 0.0005, 0.05%).</param>
/// <param name="FailedDaysBeforePause">Consecutive failed days that pause the warm-up for an operator (default 3).</param>
public sealed record WarmupGateThresholds(
    decimal BounceRateBelow = 0.02m,
    decimal ComplaintRateBelow = 0.0005m,
    int FailedDaysBeforePause = 3)
{
    /// <summary>The defaults from the design.</summary>
    public static WarmupGateThresholds Default { get; } = new();

    /// <summary>Refuses thresholds that could never pass or never pause.</summary>
    /// <exception cref="DomainValidationException">A rate outside (0, 1] or a non-positive day count.</exception>
    public WarmupGateThresholds Validated()
    {
        new Guard()
            .Rate(BounceRateBelow, "bounceRateBelow")
            .Rate(ComplaintRateBelow, "complaintRateBelow")
            .Positive(FailedDaysBeforePause, "failedDaysBeforePause")
            .ThrowIfAny();
        return this;
    }
}
