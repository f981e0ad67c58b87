using System.Text.Json.Serialization;

namespace CampaignFlows.Aws.Ses.Model;

/// <summary>Subject and parts of a stored template, with <c>{{var}}</c> tags (SES v2 <c>EmailTemplateContent</c>).</summary>
public sealed record EmailTemplateContent
{
    /// <summary>The subject line.</summary>
    public string? Subject { get; init; }

    /// <summary>The plain-text part.</summary>
    public string? Text { get; init; }

    /// <summary>The HTML part.</summary>
    public string? Html { get; init; }
}

/// <summary>Input of <c>CreateEmailTemplate</c>.</summary>
public sealed record CreateEmailTemplateRequest
{
    /// <summary>The template name, unique in the account and region.</summary>
    public required string TemplateName { get; init; }

    /// <summary>The template content.</summary>
    public required EmailTemplateContent TemplateContent { get; init; }
}

/// <summary>Input of <c>GetEmailTemplate</c>.</summary>
public sealed record GetEmailTemplateRequest
{
    /// <summary>The template name; sent in the path.</summary>
    [JsonIgnore]
    public required string TemplateName { get; init; }
}

/// <summary>Output of <c>GetEmailTemplate</c>.</summary>
public sealed record GetEmailTemplateResponse
{
    /// <summary>The template name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The template content.</summary>
    public EmailTemplateContent? TemplateContent { get; init; }
}

/// <summary>Input of <c>UpdateEmailTemplate</c>.</summary>
public sealed record UpdateEmailTemplateRequest
{
    /// <summary>The template name; sent in the path.</summary>
    [JsonIgnore]
    public required string TemplateName { get; init; }

    /// <summary>The new content.</summary>
    public required EmailTemplateContent TemplateContent { get; init; }
}

/// <summary>Input of <c>DeleteEmailTemplate</c>.</summary>
public sealed record DeleteEmailTemplateRequest
{
    /// <summary>The template name; sent in the path.</summary>
    [JsonIgnore]
    public required string TemplateName { get; init; }
}

/// <summary>Input of <c>ListEmailTemplates</c>; both members go in the query string.</summary>
public sealed record ListEmailTemplatesRequest
{
    /// <summary>The token of the page to read, from the previous page.</summary>
    [JsonIgnore]
    public string? NextToken { get; init; }

    /// <summary>How many templates per page (SES allows 1 to 100).</summary>
    [JsonIgnore]
    public int? PageSize { get; init; }
}

/// <summary>Output of <c>ListEmailTemplates</c>.</summary>
public sealed record ListEmailTemplatesResponse
{
    /// <summary>The templates on this page.</summary>
    public IReadOnlyList<EmailTemplateMetadata> TemplatesMetadata { get; init => field = value ?? []; } = [];

    /// <summary>The token of the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}

/// <summary>A template's name and creation time (SES v2 <c>EmailTemplateMetadata</c>).</summary>
public sealed record EmailTemplateMetadata
{
    /// <summary>The template name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>When the template was created.</summary>
    public DateTimeOffset? CreatedTimestamp { get; init; }
}
