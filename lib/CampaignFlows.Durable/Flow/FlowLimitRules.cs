namespace CampaignFlows.Durable;

/// <summary>What makes a flow-limit definition valid.</summary>
internal static class FlowLimitRules
{
    public static string? Problem(string key, FlowLimit limit)
    {
        if (string.IsNullOrWhiteSpace(key)) return "A flow-limit key must not be empty.";
        if (limit.PerSecond is <= 0) return $"FlowLimits['{key}'].PerSecond must be greater than 0 (was {limit.PerSecond}).";
        if (limit.Burst is <= 0) return $"FlowLimits['{key}'].Burst must be greater than 0 (was {limit.Burst}).";
        if (limit.WindowLimit is <= 0) return $"FlowLimits['{key}'].WindowLimit must be greater than 0 (was {limit.WindowLimit}).";
        if ((limit.WindowLimit is null) != (limit.Window is null)) return $"FlowLimits['{key}'] must set WindowLimit and Window together.";
        if (limit.Window is { } w && w <= TimeSpan.Zero) return $"FlowLimits['{key}'].Window must be positive (was {w}).";
        if (limit.MaxConcurrency is < 1) return $"FlowLimits['{key}'].MaxConcurrency must be at least 1 (was {limit.MaxConcurrency}).";
        return null;
    }
}
