using System.Text.Json;

namespace CampaignFlows.Durable.Stores;

/// <summary>An activity's rate limits as every store keeps them with the activity: a JSON column, null when there are none.</summary>
internal static class StoredRateLimits
{
    public static string? Serialize(IReadOnlyList<RateLimit> limits) =>
        limits.Count == 0 ? null : JsonSerializer.Serialize(limits, DurableJson.Options);

    public static IReadOnlyList<RateLimit> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<RateLimit>>(json, DurableJson.Options) ?? [];

    /// <summary>What a throttled call cost each key (a key named twice costs the sum), to give back to quotas.</summary>
    public static IReadOnlyDictionary<string, double> CostsByKey(string? json) =>
        Read(json).GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.Sum(l => l.Cost));
}
