using System.Text.Json;

namespace CampaignFlows.Messages;

/// <summary>The body of <c>POST /api/messages</c>.</summary>
/// <param name="Template">An SES template name (a JSON string), or an inline template object with name, subject, html and text.</param>
/// <param name="To">The one recipient.</param>
/// <param name="Data">The template's variables (plain values).</param>
/// <param name="Stream">The stream; <see cref="MessagesOptions.DefaultStream"/> when absent.</param>
/// <param name="From">The sender; <see cref="MessagesOptions.DefaultFrom"/> when absent.</param>
public sealed record MessageRequest(JsonElement? Template, string? To, Dictionary<string, JsonElement>? Data, string? Stream, string? From);

/// <summary>An inline transactional template.</summary>
/// <param name="Name">Its name, checked against the blocklist and the verified-only list.</param>
/// <param name="Subject">The subject line with <c>{{var}}</c> placeholders.</param>
/// <param name="Html">The HTML part.</param>
/// <param name="Text">The text part.</param>
public sealed record InlineTemplateRequest(string? Name, string? Subject, string? Html, string? Text);
