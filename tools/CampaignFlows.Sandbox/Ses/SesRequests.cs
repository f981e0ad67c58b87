namespace CampaignFlows.Sandbox.Ses;

// Field names mirror the SES v2 API model (sesv2-2019-09-27) so the official SDKs' JSON binds unchanged.

internal sealed record Destination(List<string>? ToAddresses, List<string>? CcAddresses, List<string>? BccAddresses)
{
    /// <summary>To, Cc and Bcc in order; the common To-only case reuses the parsed list.</summary>
    public List<string> All() =>
        CcAddresses is null or { Count: 0 } && BccAddresses is null or { Count: 0 } ? ToAddresses ?? [] : [.. ToAddresses ?? [], .. CcAddresses ?? [], .. BccAddresses ?? []];
}

internal sealed record MessageTag(string? Name, string? Value);

internal sealed record Content(string? Data, string? Charset);

internal sealed record Body(Content? Text, Content? Html);

internal sealed record SimpleMessage(Content? Subject, Body? Body);

internal sealed record RawMessage(string? Data);

internal sealed record TemplateRef(string? TemplateName, string? TemplateArn, string? TemplateData);

internal sealed record EmailContent(SimpleMessage? Simple, RawMessage? Raw, TemplateRef? Template);

internal sealed record SendEmailRequest(
    string? FromEmailAddress,
    Destination? Destination,
    EmailContent? Content,
    List<MessageTag>? EmailTags,
    string? ConfigurationSetName);

internal sealed record ReplacementTemplate(string? ReplacementTemplateData);

internal sealed record ReplacementEmailContent(ReplacementTemplate? ReplacementTemplate);

internal sealed record BulkEmailEntry(Destination? Destination, List<MessageTag>? ReplacementTags, ReplacementEmailContent? ReplacementEmailContent);

internal sealed record BulkEmailContent(TemplateRef? Template);

internal sealed record SendBulkEmailRequest(
    string? FromEmailAddress,
    List<MessageTag>? DefaultEmailTags,
    BulkEmailContent? DefaultContent,
    List<BulkEmailEntry>? BulkEmailEntries,
    string? ConfigurationSetName);

internal sealed record EmailTemplateContent(string? Subject, string? Text, string? Html);

internal sealed record CreateEmailTemplateRequest(string? TemplateName, EmailTemplateContent? TemplateContent);

internal sealed record UpdateEmailTemplateRequest(EmailTemplateContent? TemplateContent);

internal sealed record TestRenderEmailTemplateRequest(string? TemplateData);

internal sealed record PutDedicatedIpWarmupAttributesRequest(int? WarmupPercentage);

internal sealed record CreateDedicatedIpPoolRequest(string? PoolName, string? ScalingMode);

internal sealed record PutDedicatedIpPoolScalingAttributesRequest(string? ScalingMode);

internal sealed record PutDedicatedIpInPoolRequest(string? DestinationPoolName);

internal sealed record PutSuppressedDestinationRequest(string? EmailAddress, string? Reason);

internal sealed record PutAccountSendingAttributesRequest(bool? SendingEnabled);
