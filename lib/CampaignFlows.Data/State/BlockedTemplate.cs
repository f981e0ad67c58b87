namespace CampaignFlows.Data.State;

/// <summary>A template switched off by the kill switch.</summary>
/// <param name="Template">The template name.</param>
/// <param name="Reason">Why it was blocked.</param>
/// <param name="At">When.</param>
public sealed record BlockedTemplate(string Template, string Reason, DateTimeOffset At);
