using System.Text.Json;

namespace CampaignFlows.Campaigns;

/// <summary>The body of <c>POST /api/campaigns</c>.</summary>
/// <param name="Id">A client-chosen campaign id (letters, digits, '-', '_'; at most 100); a double submit with the same id starts one campaign.</param>
/// <param name="Stream">The stream, <c>marketing</c> by default.</param>
/// <param name="From">The sender address.</param>
/// <param name="Template">An SES template name, or inline subject/html/text with <c>{{var}}</c> placeholders.</param>
/// <param name="Recipients">An inline audience.</param>
/// <param name="AudienceBlob">Or the name of a CSV audience already in the audience store.</param>
/// <param name="BadRows"><c>refuse</c> (default) or <c>skip</c>.</param>
/// <param name="PriorityWeight">The campaign's share among campaigns on the same account, 1 to 100.</param>
/// <param name="StartAt">Send no earlier than this.</param>
/// <param name="ConfigurationSetName">An SES configuration set overriding the account's.</param>
/// <param name="AttachmentIds">Attachments, sent as expiring links.</param>
public sealed record CampaignRequest(
    string? Id,
    string? Stream,
    string? From,
    TemplateRequest? Template,
    IReadOnlyList<RecipientRequest>? Recipients,
    string? AudienceBlob,
    string? BadRows,
    int? PriorityWeight,
    DateTimeOffset? StartAt,
    string? ConfigurationSetName,
    IReadOnlyList<string>? AttachmentIds);

/// <summary>A template reference or inline template.</summary>
/// <param name="Name">A stored SES template.</param>
/// <param name="Subject">Inline subject.</param>
/// <param name="Html">Inline HTML.</param>
/// <param name="Text">Inline text.</param>
/// <param name="VerifiedOnly">Send only to verified addresses.</param>
public sealed record TemplateRequest(string? Name, string? Subject, string? Html, string? Text, bool VerifiedOnly = false);

/// <summary>One inline recipient.</summary>
/// <param name="Email">The address.</param>
/// <param name="Name">The name.</param>
/// <param name="EngagementScore">0 to 100.</param>
/// <param name="Data">Template data: string values only.</param>
public sealed record RecipientRequest(string? Email, string? Name, int? EngagementScore, Dictionary<string, JsonElement>? Data);
