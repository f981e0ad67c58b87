namespace CampaignFlows.Warmups;

/// <summary>Instance ids of warm-ups: one per dedicated IP or pool, derived from it so a second start collides.</summary>
public static class WarmupIds
{
    /// <summary>The prefix every warm-up instance id starts with; the daily-step trigger queries by it.</summary>
    public const string Prefix = "warmup-";

    /// <summary>The instance id warming an IP, e.g. <c>warmup-192.0.2.1</c>.</summary>
    public static string ForIp(string ip) => Prefix + ip.Trim();

    /// <summary>The instance id warming a pool, e.g. <c>warmup-pool-sale-ips</c>.</summary>
    public static string ForPool(string pool) => Prefix + "pool-" + pool.Trim();

    /// <summary>The campaign (and sub-orchestration) id of one day's traffic through one route.</summary>
    /// <param name="warmupId">The warm-up's instance id.</param>
    /// <param name="round">The warm-up's calendar day, counting held days, so a repeated plan day gets a new campaign.</param>
    /// <param name="route"><c>dip</c> or <c>shared</c>.</param>
    public static string Campaign(string warmupId, int round, string route) =>
        $"{warmupId}-day{round.ToString("000", System.Globalization.CultureInfo.InvariantCulture)}-{route}";
}
