using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Flow;

/// <summary>
/// The flow-limit arithmetic every store runs inside its lease transaction: token buckets, rolling-window quotas,
/// concurrency caps and throttle back-off. Pure functions over <see cref="FlowKeyState"/>, so all stores agree.
/// </summary>
/// <remarks>
/// The bucket is budgeted so that no 1-second window ever spends more than the rate: with capacity C it refills at
/// rate − C, so a full bucket plus one second of refill is exactly the rate. The default capacity is small (1/200 of a
/// second's worth, at least one token), which keeps sustained throughput at 99.5% of the rate.
/// </remarks>
public static class FlowGate
{
    private const int WindowSlotCount = 60;
    private const double ThrottleFloorFraction = 1.0 / 16;
    private const double ClimbFractionPerSecond = 0.1;

    /// <summary>The bucket capacity for a rate.</summary>
    public static double Capacity(FlowLimit limit, double? rate) =>
        rate is not { } r ? 0 : limit.Burst ?? Math.Max(1, r / 200);

    /// <summary>Brings the bucket and the throttled rate up to <paramref name="now"/>.</summary>
    public static void Refill(FlowLimit limit, FlowKeyState state, DateTime now)
    {
        var elapsed = Math.Max(0, (now - state.RefilledAt).TotalSeconds);
        if (limit.PerSecond is not { } configured)
        {
            state.RefilledAt = now;
            return;
        }
        var rate = Math.Min(configured, state.EffectivePerSecond ?? configured);
        var climbed = Math.Min(configured, rate + configured * ClimbFractionPerSecond * elapsed);
        var capacity = Capacity(limit, climbed);
        var refillRate = Math.Max((rate + climbed) / 2 - capacity, (rate + climbed) / 4);
        state.Tokens = Math.Min(capacity, state.Tokens + refillRate * elapsed);
        state.EffectivePerSecond = climbed >= configured ? null : climbed;
        state.RefilledAt = now;
    }

    /// <summary>
    /// Walks candidates in order and returns the indexes admitted: every key of a candidate must have tokens, window
    /// room and a free concurrency slot. Once a key refuses, later candidates on it are refused too, so order is kept.
    /// Keys without a definition do not limit. Spends what it admits.
    /// </summary>
    public static IReadOnlyList<int> Admit(IReadOnlyList<ActivityCandidate> candidates,
        IReadOnlyDictionary<string, (FlowLimit Limit, FlowKeyState State)> keys, DateTime now, int maxItems)
    {
        foreach (var (limit, state) in keys.Values) Refill(limit, state, now);
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var admitted = new List<int>(candidates.Count);
        for (var i = 0; i < candidates.Count && admitted.Count < maxItems; i++)
        {
            var limits = candidates[i].RateLimits;
            var ok = true;
            foreach (var rl in limits)
            {
                if (blocked.Contains(rl.Key)) { ok = false; break; }
                if (keys.TryGetValue(rl.Key, out var k) && !HasRoom(k.Limit, k.State, rl.Cost, now))
                {
                    blocked.Add(rl.Key);
                    ok = false;
                }
            }
            if (!ok) continue;
            foreach (var rl in limits)
            {
                if (keys.TryGetValue(rl.Key, out var k)) Spend(k.Limit, k.State, rl.Cost, now);
            }
            admitted.Add(i);
        }
        return admitted;
    }

    /// <summary>Halves the key's effective rate (not below 1/16 of the configured rate) after a downstream throttle.</summary>
    public static void Throttle(FlowLimit limit, FlowKeyState state, DateTime now)
    {
        Refill(limit, state, now);
        if (limit.PerSecond is not { } configured) return;
        var current = state.EffectivePerSecond ?? configured;
        state.EffectivePerSecond = Math.Max(configured * ThrottleFloorFraction, current / 2);
        state.Tokens = Math.Min(state.Tokens, 0);
    }

    /// <summary>The observable state of a key at <paramref name="now"/>.</summary>
    public static FlowLimitState Describe(string key, FlowLimit limit, FlowKeyState state, DateTime now)
    {
        Refill(limit, state, now);
        return new FlowLimitState(key, limit, limit.PerSecond is null ? null : state.EffectivePerSecond ?? limit.PerSecond,
            SpentInWindow(limit, state, now), state.Running);
    }

    /// <summary>Earliest time a key that just refused could admit a call of <paramref name="cost"/>; for poll pacing.</summary>
    public static TimeSpan WaitFor(FlowLimit limit, FlowKeyState state, double cost)
    {
        if (limit.PerSecond is not { } configured) return TimeSpan.Zero;
        var rate = state.EffectivePerSecond ?? configured;
        var need = Math.Min(cost, Math.Max(Capacity(limit, rate), 1e-9)) - state.Tokens;
        return need <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(need / Math.Max(rate / 2, 1e-6));
    }

    private static bool HasRoom(FlowLimit limit, FlowKeyState state, double cost, DateTime now)
    {
        if (limit.MaxConcurrency is { } cap && state.Running >= cap) return false;
        if (limit.WindowLimit is { } quota && limit.Window is not null && SpentInWindow(limit, state, now) + cost > quota) return false;
        if (limit.PerSecond is { } configured)
        {
            var capacity = Capacity(limit, state.EffectivePerSecond ?? configured);
            if (state.Tokens < Math.Min(cost, capacity) - 1e-9) return false;
        }
        return true;
    }

    private static void Spend(FlowLimit limit, FlowKeyState state, double cost, DateTime now)
    {
        state.Running++;
        if (limit.PerSecond is not null) state.Tokens -= cost;
        if (limit.WindowLimit is null || limit.Window is not { } window) return;
        var slotTicks = Math.Max(1, window.Ticks / WindowSlotCount);
        var slot = now.Ticks / slotTicks;
        state.WindowSlots[slot] = state.WindowSlots.GetValueOrDefault(slot) + cost;
        foreach (var old in state.WindowSlots.Keys.Where(s => s <= slot - WindowSlotCount).ToList()) state.WindowSlots.Remove(old);
    }

    private static double SpentInWindow(FlowLimit limit, FlowKeyState state, DateTime now)
    {
        if (limit.Window is not { } window) return 0;
        var slotTicks = Math.Max(1, window.Ticks / WindowSlotCount);
        var current = now.Ticks / slotTicks;
        return state.WindowSlots.Where(s => s.Key > current - WindowSlotCount).Sum(s => s.Value);
    }
}
