namespace CampaignFlows.Durable.Runtime;

/// <summary>The orchestrator code took a different action than its history records: it changed in an incompatible way
/// while instances were running, or it is not deterministic.</summary>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message);
