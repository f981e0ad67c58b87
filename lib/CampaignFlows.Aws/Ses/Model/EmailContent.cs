namespace CampaignFlows.Aws.Ses.Model;

/// <summary>The body of one message: exactly one of simple, raw or template (SES v2 <c>EmailContent</c>).</summary>
public sealed record EmailContent
{
    /// <summary>Subject and text/HTML parts.</summary>
    public Message? Simple { get; init; }

    /// <summary>A complete MIME message.</summary>
    public RawMessage? Raw { get; init; }

    /// <summary>A stored or inline template with its data.</summary>
    public Template? Template { get; init; }
}

/// <summary>A subject and body (SES v2 <c>Message</c>).</summary>
public sealed record Message
{
    /// <summary>The subject line.</summary>
    public required Content Subject { get; init; }

    /// <summary>The text and/or HTML body.</summary>
    public required Body Body { get; init; }

    /// <summary>Extra headers.</summary>
    public IReadOnlyList<MessageHeader>? Headers { get; init; }
}

/// <summary>Text with its character set (SES v2 <c>Content</c>).</summary>
public sealed record Content
{
    /// <summary>The text.</summary>
    public required string Data { get; init; }

    /// <summary>The character set, e.g. <c>UTF-8</c>.</summary>
    public string? Charset { get; init; }
}

/// <summary>The text and HTML parts of a body (SES v2 <c>Body</c>).</summary>
public sealed record Body
{
    /// <summary>The plain-text part.</summary>
    public Content? Text { get; init; }

    /// <summary>The HTML part.</summary>
    public Content? Html { get; init; }
}

/// <summary>A complete MIME message (SES v2 <c>RawMessage</c>).</summary>
public sealed record RawMessage
{
    /// <summary>The MIME bytes; sent base64-encoded.</summary>
    public required byte[] Data { get; init; }
}

/// <summary>A template reference and its data (SES v2 <c>Template</c>).</summary>
public sealed record Template
{
    /// <summary>The name of a stored template.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The ARN of a stored template.</summary>
    public string? TemplateArn { get; init; }

    /// <summary>The JSON object whose values replace the template's <c>{{var}}</c> tags.</summary>
    public string? TemplateData { get; init; }

    /// <summary>Extra headers.</summary>
    public IReadOnlyList<MessageHeader>? Headers { get; init; }
}

/// <summary>The contact list and topic for list-unsubscribe handling (SES v2 <c>ListManagementOptions</c>).</summary>
public sealed record ListManagementOptions
{
    /// <summary>The contact list name.</summary>
    public required string ContactListName { get; init; }

    /// <summary>The topic name.</summary>
    public string? TopicName { get; init; }
}
