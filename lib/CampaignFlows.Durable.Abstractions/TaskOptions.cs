namespace CampaignFlows.Durable;

/// <summary>Options for one activity or sub-orchestration call: retries and flow controls.</summary>
public record TaskOptions
{
    /// <summary>Creates options with an optional retry policy.</summary>
    public TaskOptions(RetryPolicy? retry = null) => Retry = retry;

    /// <summary>How failures are retried; no retry when null.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>
    /// Rate-limit keys the activity spends tokens from before it may run (for example the account's per-second
    /// send rate and its rolling 24-hour quota). Every key must have tokens for the activity to be dispatched.
    /// </summary>
    /// <remarks>Keys are defined in configuration or at run time with <see cref="DurableTaskClient.SetFlowLimitAsync"/>;
    /// a key with no definition does not limit.</remarks>
    public IReadOnlyList<RateLimit> RateLimits { get; init; } = [];

    /// <summary>The fairness key and weight among activities waiting on the same limits; one shared key when null.</summary>
    public Fairness? Fairness { get; init; }

    /// <summary>Priority class: higher classes are dispatched before any lower one (e.g. transactional 10, campaign 0).</summary>
    public int Priority { get; init; }

    /// <summary>Options with a retry policy.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

/// <summary>Options for a sub-orchestration call, adding the child's instance id.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    /// <summary>Creates options for a sub-orchestration.</summary>
    public SubOrchestrationOptions(string? instanceId = null, RetryPolicy? retry = null) : base(retry) => InstanceId = instanceId;

    /// <summary>The child's instance id; a deterministic id derived from the parent when null.</summary>
    public string? InstanceId { get; init; }
}

/// <summary>A rate-limit key and what one call costs in its tokens (e.g. 50 for a bulk send of 50 mails).</summary>
/// <param name="Key">The key, e.g. <c>ses:marketing-primary</c>.</param>
/// <param name="Cost">Tokens the call spends; greater than zero.</param>
public sealed record RateLimit(string Key, double Cost = 1);

/// <summary>A fairness key and its weight: among keys waiting on the same limit, dispatch is weighted round-robin.</summary>
/// <param name="Key">The key, e.g. the campaign id.</param>
/// <param name="Weight">The share relative to other keys; at least 1.</param>
public sealed record Fairness(string Key, int Weight = 1);

/// <summary>
/// The definition of a flow-control key, shared by every host on the same store.
/// Set any combination: a token bucket (<see cref="PerSecond"/>, <see cref="Burst"/>), a rolling-window quota
/// (<see cref="WindowLimit"/> per <see cref="Window"/>), and a concurrency cap (<see cref="MaxConcurrency"/>).
/// </summary>
public sealed record FlowLimit
{
    /// <summary>Tokens added per second; no rate limit when null.</summary>
    public double? PerSecond { get; init; }

    /// <summary>The bucket's capacity; defaults to a quarter second's worth of tokens. Whatever the burst, no 1-second window spends more than <see cref="PerSecond"/>.</summary>
    public double? Burst { get; init; }

    /// <summary>Tokens that may be spent within any <see cref="Window"/>; no quota when null.</summary>
    public double? WindowLimit { get; init; }

    /// <summary>The rolling window of the quota, e.g. 24 hours.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>The most activities under this key running at once, across all hosts; no cap when null.</summary>
    public int? MaxConcurrency { get; init; }
}
