namespace CampaignFlows.Aws.Ses.Model;

/// <summary>Input of <c>SendEmail</c>: one message to one destination.</summary>
public sealed record SendEmailRequest
{
    /// <summary>The sender address.</summary>
    public string? FromEmailAddress { get; init; }

    /// <summary>The ARN of the sending identity when it is authorized by a sending policy.</summary>
    public string? FromEmailAddressIdentityArn { get; init; }

    /// <summary>The recipients; omitted only for raw messages that name their own.</summary>
    public Destination? Destination { get; init; }

    /// <summary>Reply-To: addresses.</summary>
    public IReadOnlyList<string>? ReplyToAddresses { get; init; }

    /// <summary>Where bounces and complaints are forwarded.</summary>
    public string? FeedbackForwardingEmailAddress { get; init; }

    /// <summary>The ARN of the feedback forwarding identity.</summary>
    public string? FeedbackForwardingEmailAddressIdentityArn { get; init; }

    /// <summary>The message.</summary>
    public required EmailContent Content { get; init; }

    /// <summary>Tags published with the message's events.</summary>
    public IReadOnlyList<MessageTag>? EmailTags { get; init; }

    /// <summary>The configuration set (event destinations, IP pool).</summary>
    public string? ConfigurationSetName { get; init; }

    /// <summary>List-unsubscribe handling.</summary>
    public ListManagementOptions? ListManagementOptions { get; init; }
}

/// <summary>Output of <c>SendEmail</c>.</summary>
public sealed record SendEmailResponse
{
    /// <summary>The id SES gave the message; events refer to it.</summary>
    public string? MessageId { get; init; }
}
