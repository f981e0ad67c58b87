using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Flow;

/// <summary>
/// The flow-limit arithmetic every store runs inside its lease transaction: token buckets, rolling-window quotas,
/// concurrency caps and throttle back-off. Pure functions over <see cref="FlowKeyState"/>, so all stores agree.
/// </summary>
/// <remarks>
/// A rate is enforced twice: a token bucket (capacity a quarter second's worth by default) smooths dispatch into small
/// batches and tolerates a slow poll, and a sliding one-second log in 5 ms slots guarantees that no 1-second window ever spends more than the
/// rate, which a bucket alone cannot (a full bucket plus one second of refill exceeds it). Slots are counted
/// conservatively: one that overlaps the window counts whole, which costs at most 0.5% of throughput.
/// A single call costlier than the rate cannot fit any one-second window; rather than wait forever it is admitted alone,
/// into a window with nothing else in it, and its debt in the bucket holds everything after it back until paid off, so
/// the average still keeps to the rate. Callers for whom every single second counts (SES counts recipients per second)
/// size their calls to the rate in force, which <see cref="Describe"/> reports.
/// </remarks>
public static class FlowGate
{
    private const int WindowSlotCount = 60;
    private static readonly long SecondSlotTicks = TimeSpan.FromMilliseconds(5).Ticks;
    private static readonly long SlotsPerSecond = TimeSpan.TicksPerSecond / SecondSlotTicks;
    /// <summary>
    /// The lowest rate a throttle can push a key to. Low on purpose: when the downstream's real limit is far below the
    /// configured one, a higher floor would keep every call throttled; the additive climb brings the rate back within
    /// seconds once the throttles stop.
    /// </summary>
    private const double ThrottleFloorPerSecond = 1;
    private const double ClimbFractionPerSecond = 0.1;

    /// <summary>The bucket capacity for a rate.</summary>
    public static double Capacity(FlowLimit limit, double? rate) =>
        rate is not { } r ? 0 : limit.Burst ?? Math.Max(1, r / 4);

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
        var pace = Math.Min(configured, state.ThrottledAtPerSecond ?? configured);
        var climbed = Math.Min(configured, rate + pace * ClimbFractionPerSecond * elapsed);
        state.Tokens = Math.Min(Capacity(limit, climbed), state.Tokens + (rate + climbed) / 2 * elapsed);
        state.EffectivePerSecond = climbed >= configured ? null : climbed;
        if (state.EffectivePerSecond is null) state.ThrottledAtPerSecond = null;
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

    /// <summary>
    /// Halves the key's effective rate (not below one per second, or the configured rate if lower) after a downstream
    /// throttle; it then climbs back by a tenth of the rate that was throttled per second.
    /// </summary>
    /// <remarks>
    /// A rolling-window quota gets the throttled call's <paramref name="cost"/> back: the downstream refused the call, so
    /// it did not count against its quota either, and keeping it spent would strand a day's quota on refused calls.
    /// </remarks>
    public static void Throttle(FlowLimit limit, FlowKeyState state, DateTime now, double cost = 0)
    {
        Refill(limit, state, now);
        if (cost > 0 && limit.WindowLimit is not null) RefundWindow(state, cost);
        if (limit.PerSecond is not { } configured) return;
        state.Tokens = Math.Min(state.Tokens, 0);
        // Calls in flight together are throttled together: one burst halves the rate once, not once per call.
        if (state.HalvedAt is { } halved && now - halved < TimeSpan.FromSeconds(1)) return;
        var current = state.EffectivePerSecond ?? configured;
        state.ThrottledAtPerSecond = current;
        state.HalvedAt = now;
        state.EffectivePerSecond = Math.Max(Math.Min(configured, ThrottleFloorPerSecond), current / 2);
    }

    /// <summary>Takes <paramref name="cost"/> back from the newest window slots, where the refused call was spent.</summary>
    private static void RefundWindow(FlowKeyState state, double cost)
    {
        foreach (var slot in state.WindowSlots.Keys.OrderDescending().ToList())
        {
            if (cost <= 0) return;
            var taken = Math.Min(cost, state.WindowSlots[slot]);
            cost -= taken;
            if (state.WindowSlots[slot] - taken <= 1e-9) state.WindowSlots.Remove(slot);
            else state.WindowSlots[slot] -= taken;
        }
    }

    /// <summary>The observable state of a key at <paramref name="now"/>.</summary>
    public static FlowLimitState Describe(string key, FlowLimit limit, FlowKeyState state, DateTime now)
    {
        Refill(limit, state, now);
        return new FlowLimitState(key, limit, limit.PerSecond is null ? null : state.EffectivePerSecond ?? limit.PerSecond,
            SpentInWindow(limit, state, now), state.Running);
    }

    private static bool HasRoom(FlowLimit limit, FlowKeyState state, double cost, DateTime now)
    {
        if (limit.MaxConcurrency is { } cap && state.Running >= cap) return false;
        if (limit.WindowLimit is { } quota && limit.Window is not null && SpentInWindow(limit, state, now) + cost > quota) return false;
        if (limit.PerSecond is { } configured)
        {
            var rate = state.EffectivePerSecond ?? configured;
            if (state.Tokens < Math.Min(cost, Capacity(limit, rate)) - 1e-9) return false;
            var lastSecond = SpentInLastSecond(state, now);
            if (lastSecond > 0 && lastSecond + cost > rate + 1e-9) return false;
        }
        return true;
    }

    private static void Spend(FlowLimit limit, FlowKeyState state, double cost, DateTime now)
    {
        state.Running++;
        if (limit.PerSecond is not null)
        {
            state.Tokens -= cost;
            var secondSlot = now.Ticks / SecondSlotTicks;
            state.SecondSlots[secondSlot] = state.SecondSlots.GetValueOrDefault(secondSlot) + cost;
            foreach (var old in state.SecondSlots.Keys.Where(s => s < secondSlot - SlotsPerSecond).ToList()) state.SecondSlots.Remove(old);
        }
        if (limit.WindowLimit is null || limit.Window is not { } window) return;
        var slotTicks = Math.Max(1, window.Ticks / WindowSlotCount);
        var slot = now.Ticks / slotTicks;
        state.WindowSlots[slot] = state.WindowSlots.GetValueOrDefault(slot) + cost;
        foreach (var old in state.WindowSlots.Keys.Where(s => s <= slot - WindowSlotCount).ToList()) state.WindowSlots.Remove(old);
    }

    /// <summary>Spent in the slots that overlap the last second, counted whole.</summary>
    private static double SpentInLastSecond(FlowKeyState state, DateTime now)
    {
        var current = now.Ticks / SecondSlotTicks;
        var sum = 0.0;
        foreach (var (slot, spent) in state.SecondSlots)
        {
            if (slot >= current - SlotsPerSecond) sum += spent;
        }
        return sum;
    }

    private static double SpentInWindow(FlowLimit limit, FlowKeyState state, DateTime now)
    {
        if (limit.Window is not { } window) return 0;
        var slotTicks = Math.Max(1, window.Ticks / WindowSlotCount);
        var current = now.Ticks / slotTicks;
        return state.WindowSlots.Where(s => s.Key > current - WindowSlotCount).Sum(s => s.Value);
    }
}
