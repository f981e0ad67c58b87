namespace CampaignFlows.Domain;

/// <summary>What a day of a capacity schedule is for.</summary>
public enum SchedulePhase
{
    /// <summary>A warm-up day of the dedicated IPs.</summary>
    Warmup,

    /// <summary>A campaign day at the planned daily quota.</summary>
    Campaign,
}
