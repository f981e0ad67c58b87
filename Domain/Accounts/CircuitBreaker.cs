namespace CampaignFlows.Domain;

/// <summary>One account's circuit breaker: Closed, Open until a cool-down ends, then HalfOpen for one probe.</summary>
/// <remarks>
/// Immutable; every transition returns a new breaker, so it can live in orchestration state. Opening on a
/// pause, suspension or error-rate trip waits the trip's cool-down, doubled for each further trip without a
/// success in between (capped); quota exhaustion waits until the time the caller says the quota frees. When the
/// wait is over the breaker is HalfOpen: <see cref="StartProbe"/> lets one send test the account;
/// <see cref="RecordSuccess"/> closes it, <see cref="Open"/> sends it back to Open. Time is always passed in.
/// </remarks>
public sealed record CircuitBreaker
{
    /// <summary>A closed breaker.</summary>
    public static CircuitBreaker Closed { get; } = new();

    /// <summary>Whether the breaker was last opened (Open covers HalfOpen until a success closes it).</summary>
    public bool IsOpen { get; init; }

    /// <summary>Why it last opened; null when closed.</summary>
    public BreakerTrip? Trip { get; init; }

    /// <summary>What happened, for status and dead-letter reasons; null when closed.</summary>
    public string? Reason { get; init; }

    /// <summary>When the cool-down ends and a probe may be sent; null when closed.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Trips since the last success.</summary>
    public int ConsecutiveTrips { get; init; }

    /// <summary>When the current probe was sent; null when none is out.</summary>
    public DateTimeOffset? ProbeSentAt { get; init; }

    /// <summary>The state at a moment.</summary>
    /// <param name="now">The current time.</param>
    public BreakerState StateAt(DateTimeOffset now) =>
        !IsOpen ? BreakerState.Closed : now >= RetryAt ? BreakerState.HalfOpen : BreakerState.Open;

    /// <summary>Whether a send may go to the account now: closed, or half-open with no live probe.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="options">Cool-downs; <see cref="BreakerOptions.Default"/> when null.</param>
    public bool Allows(DateTimeOffset now, BreakerOptions? options = null) => StateAt(now) switch
    {
        BreakerState.Closed => true,
        BreakerState.HalfOpen => ProbeSentAt is not { } sent || now - sent >= (options ?? BreakerOptions.Default).ProbeTimeoutOrDefault,
        _ => false,
    };

    /// <summary>Opens the breaker (or re-opens it after a failed probe).</summary>
    /// <param name="trip">Why.</param>
    /// <param name="reason">What happened, for status and dead-letter reasons.</param>
    /// <param name="now">The current time.</param>
    /// <param name="until">For quota exhaustion: when the quota frees; otherwise null to use the cool-down.</param>
    /// <param name="options">Cool-downs; <see cref="BreakerOptions.Default"/> when null.</param>
    public CircuitBreaker Open(BreakerTrip trip, string reason, DateTimeOffset now, DateTimeOffset? until = null, BreakerOptions? options = null)
    {
        var settings = options ?? BreakerOptions.Default;
        var trips = ConsecutiveTrips + 1;
        // The exponent is capped so the doubled cool-down cannot overflow TimeSpan; the cap below still applies.
        var doubled = settings.CoolDownFor(trip) * Math.Pow(2, Math.Min(trips - 1, 16));
        var coolDown = doubled < settings.MaxCoolDownOrDefault ? doubled : settings.MaxCoolDownOrDefault;
        var retryAt = trip == BreakerTrip.QuotaExhausted && until is { } frees && frees > now ? frees : now + coolDown;
        return new CircuitBreaker { IsOpen = true, Trip = trip, Reason = reason, RetryAt = retryAt, ConsecutiveTrips = trips };
    }

    /// <summary>Marks the probe as sent so no other send slips through while it is out.</summary>
    /// <param name="now">The current time.</param>
    /// <exception cref="InvalidOperationException">The breaker is not half-open or a probe is already out.</exception>
    public CircuitBreaker StartProbe(DateTimeOffset now) =>
        IsOpen && Allows(now)
            ? this with { ProbeSentAt = now }
            : throw new InvalidOperationException($"No probe may be sent: the breaker is {StateAt(now)}{(ProbeSentAt is null ? "" : " with a probe out")}.");

    /// <summary>A send (or probe) succeeded: close the breaker.</summary>
    public CircuitBreaker RecordSuccess() => Closed;
}
