namespace CampaignFlows.Functions.Hosting;

/// <summary>Configuration problems that do not stop the host (unknown keys), logged once it starts.</summary>
internal sealed record StartupWarnings(IReadOnlyList<string> Messages);
