namespace CampaignFlows.Domain;

/// <summary>The state of an account's circuit breaker.</summary>
public enum BreakerState
{
    /// <summary>The account sends.</summary>
    Closed,

    /// <summary>The account is skipped until its cool-down ends.</summary>
    Open,

    /// <summary>The cool-down has ended: one probe send may test the account.</summary>
    HalfOpen,
}
