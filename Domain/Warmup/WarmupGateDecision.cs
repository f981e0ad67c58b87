namespace CampaignFlows.Domain;

/// <summary>The recorded verdict on one warm-up day, with the figures it was based on.</summary>
/// <param name="Outcome">Advance, hold or pause.</param>
/// <param name="Figures">The day's settled counts.</param>
/// <param name="BounceRate">Bounces ÷ sent.</param>
/// <param name="ComplaintRate">Complaints ÷ sent.</param>
/// <param name="ConsecutiveFailedDays">Failed days in a row including this one; 0 after a healthy day.</param>
/// <param name="Thresholds">The thresholds applied.</param>
/// <param name="Reason">A sentence for the operator saying why.</param>
public sealed record WarmupGateDecision(
    WarmupGateOutcome Outcome,
    WarmupDayFigures Figures,
    decimal BounceRate,
    decimal ComplaintRate,
    int ConsecutiveFailedDays,
    WarmupGateThresholds Thresholds,
    string Reason);
