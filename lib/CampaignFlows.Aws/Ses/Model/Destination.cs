namespace CampaignFlows.Aws.Ses.Model;

/// <summary>The recipients of one message (SES v2 <c>Destination</c>).</summary>
public sealed record Destination
{
    /// <summary>The To: addresses.</summary>
    public IReadOnlyList<string>? ToAddresses { get; init; }

    /// <summary>The Cc: addresses.</summary>
    public IReadOnlyList<string>? CcAddresses { get; init; }

    /// <summary>The Bcc: addresses.</summary>
    public IReadOnlyList<string>? BccAddresses { get; init; }
}
