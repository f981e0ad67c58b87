namespace CampaignFlows.Domain;

/// <summary>A template rendered for one recipient.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Html">The HTML part, when the template has one.</param>
/// <param name="Text">The text part, when the template has one.</param>
public sealed record RenderedMessage(string Subject, string? Html, string? Text);
