namespace CampaignFlows.Domain;

/// <summary>Why an account's circuit breaker opened.</summary>
public enum BreakerTrip
{
    /// <summary>SES paused sending for the account.</summary>
    Paused,

    /// <summary>SES suspended the account.</summary>
    Suspended,

    /// <summary>The 24-hour quota is used up; open until it frees.</summary>
    QuotaExhausted,

    /// <summary>Send errors stayed above the threshold.</summary>
    ErrorRate,
}
