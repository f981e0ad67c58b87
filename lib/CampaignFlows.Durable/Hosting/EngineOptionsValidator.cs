namespace CampaignFlows.Durable.Hosting;

/// <summary>Checks options at start so a bad setting fails loudly with its name instead of misbehaving later.</summary>
internal static class EngineOptionsValidator
{
    public static DurableEngineOptions Validate(DurableEngineOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.HubName)) errors.Add("HubName must not be empty.");
        if (string.IsNullOrWhiteSpace(o.HostId) || o.HostId.Length > 100 || o.HostId.Contains('/', StringComparison.Ordinal))
            errors.Add($"HostId must be 1-100 characters without '/' (was '{o.HostId}').");
        if (string.IsNullOrWhiteSpace(o.StorageProvider.Type)) errors.Add("StorageProvider.Type must be 'sqlite' or 'postgres'.");
        if (string.IsNullOrWhiteSpace(o.StorageProvider.ConnectionString)) errors.Add("StorageProvider.ConnectionString must not be empty.");
        if (o.MaxConcurrentActivityFunctions < 1) errors.Add($"MaxConcurrentActivityFunctions must be at least 1 (was {o.MaxConcurrentActivityFunctions}).");
        if (o.MaxConcurrentOrchestratorFunctions < 1) errors.Add($"MaxConcurrentOrchestratorFunctions must be at least 1 (was {o.MaxConcurrentOrchestratorFunctions}).");
        if (o.LeaseDuration < TimeSpan.FromMilliseconds(100)) errors.Add($"LeaseDuration must be at least 100 ms (was {o.LeaseDuration}).");
        if (o.MinPollingInterval <= TimeSpan.Zero || o.MaxPollingInterval < o.MinPollingInterval)
            errors.Add($"Polling intervals must satisfy 0 < MinPollingInterval <= MaxPollingInterval (were {o.MinPollingInterval} and {o.MaxPollingInterval}).");
        if (o.MaxInlinePayloadBytes < 256) errors.Add($"MaxInlinePayloadBytes must be at least 256 (was {o.MaxInlinePayloadBytes}).");
        if (o.MaxPayloadBytes < o.MaxInlinePayloadBytes) errors.Add($"MaxPayloadBytes ({o.MaxPayloadBytes}) must be at least MaxInlinePayloadBytes ({o.MaxInlinePayloadBytes}).");
        if (o.MaxMessagesPerEpisode < 1) errors.Add($"MaxMessagesPerEpisode must be at least 1 (was {o.MaxMessagesPerEpisode}).");
        if (o.ExtendedSessionIdleTimeout < TimeSpan.Zero) errors.Add("ExtendedSessionIdleTimeout must not be negative.");
        foreach (var (key, limit) in o.FlowLimits)
        {
            var problem = FlowLimitRules.Problem(key, limit);
            if (problem is not null) errors.Add(problem);
        }
        if (errors.Count > 0) throw new InvalidOperationException("Invalid durable engine options: " + string.Join(" ", errors));
        return o;
    }
}
