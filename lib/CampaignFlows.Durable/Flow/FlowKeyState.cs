using System.Text.Json;

namespace CampaignFlows.Durable.Flow;

/// <summary>The mutable state of one flow-control key, stored as JSON beside its definition and updated under a row lock.</summary>
public sealed class FlowKeyState
{
    /// <summary>Tokens in the bucket; negative while a call costlier than the bucket is paid off.</summary>
    public double Tokens { get; set; }

    /// <summary>When <see cref="Tokens"/> was last brought up to date (UTC).</summary>
    public DateTime RefilledAt { get; set; }

    /// <summary>The rate in force; below the configured rate after a throttle, climbing back additively.</summary>
    public double? EffectivePerSecond { get; set; }

    /// <summary>
    /// The rate in force when the downstream last throttled, while the rate climbs back; the climb is paced by it, so a
    /// downstream that keeps throttling far below the configured rate is approached gently instead of overshot every second.
    /// </summary>
    public double? ThrottledAtPerSecond { get; set; }

    /// <summary>When the rate was last halved (UTC); throttles reported within a second of it belong to the same burst.</summary>
    public DateTime? HalvedAt { get; set; }

    /// <summary>Tokens spent per window slot (slot number = ticks / slot length), for the rolling-window quota.</summary>
    public Dictionary<long, double> WindowSlots { get; set; } = [];

    /// <summary>Tokens spent per 5 ms slot over the last second, so no 1-second window can exceed the rate.</summary>
    public Dictionary<long, double> SecondSlots { get; set; } = [];

    /// <summary>Activities under this key running now; filled in by the store from its leases, not persisted.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Running { get; set; }

    /// <summary>Serializes the state.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, DurableJson.Options);

    /// <summary>Reads a stored state; a fresh full bucket when null.</summary>
    public static FlowKeyState Deserialize(string? json, FlowLimit limit, DateTime now) =>
        (json is null ? null : JsonSerializer.Deserialize<FlowKeyState>(json, DurableJson.Options))
        ?? new FlowKeyState { Tokens = FlowGate.Capacity(limit, limit.PerSecond), RefilledAt = now };
}
