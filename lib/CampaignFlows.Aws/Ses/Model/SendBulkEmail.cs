namespace CampaignFlows.Aws.Ses.Model;

/// <summary>Input of <c>SendBulkEmail</c>: one template sent to up to 50 destinations, each with its own data.</summary>
public sealed record SendBulkEmailRequest
{
    /// <summary>The most entries SES accepts in one call.</summary>
    public const int MaxEntries = 50;

    /// <summary>The sender address.</summary>
    public string? FromEmailAddress { get; init; }

    /// <summary>The ARN of the sending identity when it is authorized by a sending policy.</summary>
    public string? FromEmailAddressIdentityArn { get; init; }

    /// <summary>Reply-To: addresses.</summary>
    public IReadOnlyList<string>? ReplyToAddresses { get; init; }

    /// <summary>Where bounces and complaints are forwarded.</summary>
    public string? FeedbackForwardingEmailAddress { get; init; }

    /// <summary>The ARN of the feedback forwarding identity.</summary>
    public string? FeedbackForwardingEmailAddressIdentityArn { get; init; }

    /// <summary>Tags for every entry that does not replace them.</summary>
    public IReadOnlyList<MessageTag>? DefaultEmailTags { get; init; }

    /// <summary>The template and its default data.</summary>
    public required BulkEmailContent DefaultContent { get; init; }

    /// <summary>One entry per destination; 1 to <see cref="MaxEntries"/>.</summary>
    public required IReadOnlyList<BulkEmailEntry> BulkEmailEntries { get; init; }

    /// <summary>The configuration set (event destinations, IP pool).</summary>
    public string? ConfigurationSetName { get; init; }
}

/// <summary>The shared content of a bulk send (SES v2 <c>BulkEmailContent</c>).</summary>
public sealed record BulkEmailContent
{
    /// <summary>The template and default data.</summary>
    public Template? Template { get; init; }
}

/// <summary>One destination of a bulk send (SES v2 <c>BulkEmailEntry</c>).</summary>
public sealed record BulkEmailEntry
{
    /// <summary>The recipients of this entry.</summary>
    public required Destination Destination { get; init; }

    /// <summary>Tags that replace the default tags for this entry.</summary>
    public IReadOnlyList<MessageTag>? ReplacementTags { get; init; }

    /// <summary>Template data for this entry.</summary>
    public ReplacementEmailContent? ReplacementEmailContent { get; init; }

    /// <summary>Headers for this entry.</summary>
    public IReadOnlyList<MessageHeader>? ReplacementHeaders { get; init; }
}

/// <summary>Per-entry content (SES v2 <c>ReplacementEmailContent</c>).</summary>
public sealed record ReplacementEmailContent
{
    /// <summary>The per-entry template data.</summary>
    public ReplacementTemplate? ReplacementTemplate { get; init; }
}

/// <summary>Per-entry template data (SES v2 <c>ReplacementTemplate</c>).</summary>
public sealed record ReplacementTemplate
{
    /// <summary>A JSON object whose values override the default template data.</summary>
    public string? ReplacementTemplateData { get; init; }
}

/// <summary>Output of <c>SendBulkEmail</c>: one result per entry, in entry order.</summary>
public sealed record SendBulkEmailResponse
{
    /// <summary>The per-entry results.</summary>
    public IReadOnlyList<BulkEmailEntryResult> BulkEmailEntryResults { get; init => field = value ?? []; } = [];
}

/// <summary>The outcome of one bulk entry (SES v2 <c>BulkEmailEntryResult</c>).</summary>
public sealed record BulkEmailEntryResult
{
    /// <summary>One of <see cref="BulkEmailStatus"/>'s values.</summary>
    public string? Status { get; init; }

    /// <summary>What went wrong, when <see cref="Status"/> is not <c>SUCCESS</c>.</summary>
    public string? Error { get; init; }

    /// <summary>The message id when the entry was accepted.</summary>
    public string? MessageId { get; init; }
}
