namespace CampaignFlows.Domain;

/// <summary>Which streams to hold when an account's 24-hour quota runs low: the lowest priorities first.</summary>
/// <remarks>
/// Below the alert share nothing is held. At or above it, the remaining quota is given to streams from the
/// highest priority down; the first stream whose pending mail no longer fits is held, with every stream of lower
/// priority. Streams of the highest priority present are never held: the quota is being saved for them.
/// </remarks>
public static class QuotaHolds
{
    /// <summary>The streams to hold, lowest priority first.</summary>
    /// <param name="streams">The streams using the account.</param>
    /// <param name="quota">The account's quota.</param>
    /// <param name="thresholds">The thresholds; <see cref="HealthThresholds.Default"/> when null.</param>
    public static IReadOnlyList<string> Choose(IReadOnlyList<StreamDemand> streams, AccountQuota quota, HealthThresholds? thresholds = null)
    {
        var t = (thresholds ?? HealthThresholds.Default).Validated();
        if (streams.Count == 0 || quota.UsedFraction < t.QuotaUsedAlert)
        {
            return [];
        }

        var ordered = streams.OrderByDescending(s => s.Priority).ThenBy(s => s.Stream, StringComparer.Ordinal).ToArray();
        var top = ordered[0].Priority;
        var remaining = quota.Remaining;
        var held = new List<string>();
        foreach (var stream in ordered)
        {
            if (held.Count == 0 && (stream.Priority == top || stream.Pending <= remaining))
            {
                remaining -= Math.Min(remaining, stream.Pending);
                continue;
            }

            held.Add(stream.Stream);
        }

        held.Reverse();
        return held;
    }
}
