using System.Text.Json.Serialization;

namespace CampaignFlows.Aws.Ses.Model;

/// <summary>The values of SES v2's <c>SuppressionListReason</c>.</summary>
public static class SuppressionListReason
{
    /// <summary>The address hard-bounced.</summary>
    public const string Bounce = "BOUNCE";

    /// <summary>The recipient complained.</summary>
    public const string Complaint = "COMPLAINT";
}

/// <summary>Input of <c>PutSuppressedDestination</c>.</summary>
public sealed record PutSuppressedDestinationRequest
{
    /// <summary>The address to suppress.</summary>
    public required string EmailAddress { get; init; }

    /// <summary><see cref="SuppressionListReason.Bounce"/> or <see cref="SuppressionListReason.Complaint"/>.</summary>
    public required string Reason { get; init; }
}

/// <summary>Input of <c>GetSuppressedDestination</c>.</summary>
public sealed record GetSuppressedDestinationRequest
{
    /// <summary>The address; sent in the path.</summary>
    [JsonIgnore]
    public required string EmailAddress { get; init; }
}

/// <summary>Input of <c>DeleteSuppressedDestination</c>.</summary>
public sealed record DeleteSuppressedDestinationRequest
{
    /// <summary>The address; sent in the path.</summary>
    [JsonIgnore]
    public required string EmailAddress { get; init; }
}

/// <summary>Output of <c>GetSuppressedDestination</c>.</summary>
public sealed record GetSuppressedDestinationResponse
{
    /// <summary>The suppressed address and why.</summary>
    public SuppressedDestination? SuppressedDestination { get; init; }
}

/// <summary>An address on the account's suppression list (SES v2 <c>SuppressedDestination</c>).</summary>
public sealed record SuppressedDestination
{
    /// <summary>The address.</summary>
    public string? EmailAddress { get; init; }

    /// <summary><c>BOUNCE</c> or <c>COMPLAINT</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>When the entry was last changed.</summary>
    public DateTimeOffset? LastUpdateTime { get; init; }

    /// <summary>The message and feedback that caused it.</summary>
    public SuppressedDestinationAttributes? Attributes { get; init; }
}

/// <summary>What caused a suppression (SES v2 <c>SuppressedDestinationAttributes</c>).</summary>
public sealed record SuppressedDestinationAttributes
{
    /// <summary>The message that bounced or drew the complaint.</summary>
    public string? MessageId { get; init; }

    /// <summary>The feedback id of the bounce or complaint.</summary>
    public string? FeedbackId { get; init; }
}

/// <summary>Input of <c>ListSuppressedDestinations</c>; all members go in the query string.</summary>
public sealed record ListSuppressedDestinationsRequest
{
    /// <summary>Only these reasons (query parameter <c>Reason</c>, repeated).</summary>
    [JsonIgnore]
    public IReadOnlyList<string>? Reasons { get; init; }

    /// <summary>Only entries changed at or after this time.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Only entries changed before this time.</summary>
    [JsonIgnore]
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The token of the page to read.</summary>
    [JsonIgnore]
    public string? NextToken { get; init; }

    /// <summary>How many entries per page.</summary>
    [JsonIgnore]
    public int? PageSize { get; init; }
}

/// <summary>Output of <c>ListSuppressedDestinations</c>.</summary>
public sealed record ListSuppressedDestinationsResponse
{
    /// <summary>The entries on this page.</summary>
    public IReadOnlyList<SuppressedDestinationSummary> SuppressedDestinationSummaries { get; init => field = value ?? []; } = [];

    /// <summary>The token of the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}

/// <summary>One entry of the suppression list (SES v2 <c>SuppressedDestinationSummary</c>).</summary>
public sealed record SuppressedDestinationSummary
{
    /// <summary>The address.</summary>
    public string? EmailAddress { get; init; }

    /// <summary><c>BOUNCE</c> or <c>COMPLAINT</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>When the entry was last changed.</summary>
    public DateTimeOffset? LastUpdateTime { get; init; }
}
