namespace CampaignFlows.Domain;

/// <summary>An inline template: subject, HTML and text parts with <c>{{var}}</c> placeholders.</summary>
/// <param name="Name">The template's name, used by the blocklist and the verified-only rule.</param>
/// <param name="Subject">The subject line; required, a single line.</param>
/// <param name="Html">The HTML part; values are HTML-escaped in it.</param>
/// <param name="Text">The plain-text part.</param>
public sealed record MessageTemplate(string Name, string Subject, string? Html, string? Text);
