namespace CampaignFlows.Domain;

/// <summary>What the campaign does after a health check, least severe first.</summary>
public enum HealthAction
{
    /// <summary>All signals are within their thresholds.</summary>
    Continue,

    /// <summary>The account's 24-hour quota is nearly used: alert and hold the lowest-priority streams.</summary>
    HoldLowPriority,

    /// <summary>Sends keep failing: switch to the next account or region.</summary>
    SwitchAccount,

    /// <summary>Reputation is at risk (bounces or complaints): pause the campaign and alert.</summary>
    PauseCampaign,
}
