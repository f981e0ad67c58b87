namespace CampaignFlows.Functions;

/// <summary>Binds the <c>TaskOrchestrationContext</c> of an orchestrator function.</summary>
/// <remarks>Orchestrator code is replayed: it must be deterministic and do no I/O; it takes no other parameters.</remarks>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OrchestrationTriggerAttribute : Attribute;
