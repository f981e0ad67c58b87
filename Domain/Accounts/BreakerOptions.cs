namespace CampaignFlows.Domain;

/// <summary>Cool-downs of the account circuit breaker; set from configuration.</summary>
/// <param name="PausedCoolDown">Before probing a paused account (default 15 minutes).</param>
/// <param name="SuspendedCoolDown">Before probing a suspended account (default 1 hour).</param>
/// <param name="ErrorRateCoolDown">Before probing after an error-rate trip (default 1 minute).</param>
/// <param name="QuotaCoolDown">Before probing after quota exhaustion when the caller cannot say when it frees (default 15 minutes).</param>
/// <param name="MaxCoolDown">Cap on a cool-down doubled by repeated trips without a success (default 4 hours).</param>
/// <param name="ProbeTimeout">After this a probe that never reported is given up and another is allowed (default 2 minutes).</param>
public sealed record BreakerOptions(
    TimeSpan? PausedCoolDown = null,
    TimeSpan? SuspendedCoolDown = null,
    TimeSpan? ErrorRateCoolDown = null,
    TimeSpan? QuotaCoolDown = null,
    TimeSpan? MaxCoolDown = null,
    TimeSpan? ProbeTimeout = null)
{
    /// <summary>The defaults.</summary>
    public static BreakerOptions Default { get; } = new();

    /// <summary>The base cool-down for a trip.</summary>
    /// <param name="trip">Why the breaker opened.</param>
    public TimeSpan CoolDownFor(BreakerTrip trip) => trip switch
    {
        BreakerTrip.Paused => PausedCoolDown ?? TimeSpan.FromMinutes(15),
        BreakerTrip.Suspended => SuspendedCoolDown ?? TimeSpan.FromHours(1),
        BreakerTrip.QuotaExhausted => QuotaCoolDown ?? TimeSpan.FromMinutes(15),
        _ => ErrorRateCoolDown ?? TimeSpan.FromMinutes(1),
    };

    /// <summary>The cap on doubled cool-downs.</summary>
    public TimeSpan MaxCoolDownOrDefault => MaxCoolDown ?? TimeSpan.FromHours(4);

    /// <summary>How long a probe may stay unanswered.</summary>
    public TimeSpan ProbeTimeoutOrDefault => ProbeTimeout ?? TimeSpan.FromMinutes(2);
}
