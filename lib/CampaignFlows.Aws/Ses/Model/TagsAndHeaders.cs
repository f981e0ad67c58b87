namespace CampaignFlows.Aws.Ses.Model;

/// <summary>A name/value tag carried into SES events, e.g. the campaign id (SES v2 <c>MessageTag</c>).</summary>
public sealed record MessageTag
{
    /// <summary>The tag name.</summary>
    public required string Name { get; init; }

    /// <summary>The tag value.</summary>
    public required string Value { get; init; }
}

/// <summary>An extra e-mail header (SES v2 <c>MessageHeader</c>).</summary>
public sealed record MessageHeader
{
    /// <summary>The header name.</summary>
    public required string Name { get; init; }

    /// <summary>The header value.</summary>
    public required string Value { get; init; }
}

/// <summary>A resource tag (SES v2 <c>Tag</c>).</summary>
public sealed record Tag
{
    /// <summary>The tag key.</summary>
    public required string Key { get; init; }

    /// <summary>The tag value.</summary>
    public required string Value { get; init; }
}
