namespace CampaignFlows.Domain;

/// <summary>Which recipients a warm-up day may mail, by engagement score (0 to 100).</summary>
/// <param name="ScoreAbove">Recipients must score strictly above this; null admits everyone.</param>
/// <remarks>
/// From the warm-up percentage: below 25% only scores above 80; below 50% above 50; below 75% above 30;
/// from 75% on, everyone. A recipient without a score is admitted only when everyone is.
/// </remarks>
public sealed record EngagementTier(int? ScoreAbove)
{
    /// <summary>The tier that admits every recipient.</summary>
    public static EngagementTier Everyone { get; } = new(ScoreAbove: null);

    /// <summary>The tier for a warm-up percentage.</summary>
    /// <param name="warmupPercent">0 to 100.</param>
    /// <exception cref="DomainValidationException">The percentage is outside 0 to 100.</exception>
    public static EngagementTier ForWarmupPercent(decimal warmupPercent) => warmupPercent switch
    {
        < 0 or > 100 => throw new DomainValidationException(
            "warmupPercent", $"must be between 0 and 100 (was {warmupPercent})."),
        < 25 => new EngagementTier(80),
        < 50 => new EngagementTier(50),
        < 75 => new EngagementTier(30),
        _ => Everyone,
    };

    /// <summary>Whether a recipient with this engagement score may be mailed.</summary>
    /// <param name="score">The recipient's score, or null when unknown.</param>
    public bool Admits(int? score) => ScoreAbove is not { } floor || (score is { } s && s > floor);
}
