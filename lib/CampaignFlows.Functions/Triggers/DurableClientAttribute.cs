namespace CampaignFlows.Functions;

/// <summary>Binds the app's <c>DurableTaskClient</c> in any non-orchestrator function.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DurableClientAttribute : Attribute;
