namespace CampaignFlows.Domain;

/// <summary>What the warm-up does after a day is judged.</summary>
public enum WarmupGateOutcome
{
    /// <summary>The day was healthy: move to the next plan day.</summary>
    Advance,

    /// <summary>The day failed: repeat the same volume tomorrow.</summary>
    Hold,

    /// <summary>Too many failed days in a row: stop and wait for an operator's advance or hold.</summary>
    Pause,
}
