namespace CampaignFlows.Sandbox.Ses;

// Field names mirror the SES v2 API model (sesv2-2019-09-27) so the official SDKs' JSON binds unchanged.

internal sealed record Destination
{
    public List<string>? ToAddresses { get; set; }

    public List<string>? CcAddresses { get; set; }

    public List<string>? BccAddresses { get; set; }

    /// <summary>To, Cc and Bcc in order; the common To-only case reuses the parsed list.</summary>
    public List<string> All() =>
        CcAddresses is null or { Count: 0 } && BccAddresses is null or { Count: 0 } ? ToAddresses ?? [] : [.. ToAddresses ?? [], .. CcAddresses ?? [], .. BccAddresses ?? []];
}

internal sealed record MessageTag
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}

internal sealed record Content
{
    public string? Data { get; set; }

    public string? Charset { get; set; }
}

internal sealed record Body
{
    public Content? Text { get; set; }

    public Content? Html { get; set; }
}

internal sealed record SimpleMessage
{
    public Content? Subject { get; set; }

    public Body? Body { get; set; }
}

internal sealed record RawMessage
{
    public string? Data { get; set; }
}

internal sealed record TemplateRef
{
    public string? TemplateName { get; set; }

    public string? TemplateArn { get; set; }

    public string? TemplateData { get; set; }
}

internal sealed record EmailContent
{
    public SimpleMessage? Simple { get; set; }

    public RawMessage? Raw { get; set; }

    public TemplateRef? Template { get; set; }
}

internal sealed record SendEmailRequest
{
    public string? FromEmailAddress { get; set; }

    public Destination? Destination { get; set; }

    public EmailContent? Content { get; set; }

    public List<MessageTag>? EmailTags { get; set; }

    public string? ConfigurationSetName { get; set; }
}

internal sealed record ReplacementTemplate
{
    public string? ReplacementTemplateData { get; set; }
}

internal sealed record ReplacementEmailContent
{
    public ReplacementTemplate? ReplacementTemplate { get; set; }
}

internal sealed record BulkEmailEntry
{
    public Destination? Destination { get; set; }

    public List<MessageTag>? ReplacementTags { get; set; }

    public ReplacementEmailContent? ReplacementEmailContent { get; set; }
}

internal sealed record BulkEmailContent
{
    public TemplateRef? Template { get; set; }
}

internal sealed record SendBulkEmailRequest
{
    public string? FromEmailAddress { get; set; }

    public List<MessageTag>? DefaultEmailTags { get; set; }

    public BulkEmailContent? DefaultContent { get; set; }

    public List<BulkEmailEntry>? BulkEmailEntries { get; set; }

    public string? ConfigurationSetName { get; set; }
}

internal sealed record EmailTemplateContent
{
    public string? Subject { get; set; }

    public string? Text { get; set; }

    public string? Html { get; set; }
}

internal sealed record CreateEmailTemplateRequest
{
    public string? TemplateName { get; set; }

    public EmailTemplateContent? TemplateContent { get; set; }
}

internal sealed record UpdateEmailTemplateRequest
{
    public EmailTemplateContent? TemplateContent { get; set; }
}

internal sealed record TestRenderEmailTemplateRequest
{
    public string? TemplateData { get; set; }
}

internal sealed record PutDedicatedIpWarmupAttributesRequest
{
    public int? WarmupPercentage { get; set; }
}

internal sealed record CreateDedicatedIpPoolRequest
{
    public string? PoolName { get; set; }

    public string? ScalingMode { get; set; }
}

internal sealed record PutDedicatedIpPoolScalingAttributesRequest
{
    public string? ScalingMode { get; set; }
}

internal sealed record PutDedicatedIpInPoolRequest
{
    public string? DestinationPoolName { get; set; }
}

internal sealed record PutSuppressedDestinationRequest
{
    public string? EmailAddress { get; set; }

    public string? Reason { get; set; }
}

internal sealed record PutAccountSendingAttributesRequest
{
    public bool? SendingEnabled { get; set; }
}
