namespace CampaignFlows.Aws;

/// <summary>The closed set of failures the app acts on (design.md §4); every SES and SQS error maps to one.</summary>
public enum AwsErrorKind
{
    /// <summary>The per-second send rate was exceeded: retry later without spending an attempt.</summary>
    Throttled,

    /// <summary>The 24-hour sending quota is used up: stop this account until quota frees, or fail over.</summary>
    QuotaExceeded,

    /// <summary>Sending is paused or the account is suspended: circuit-break the account, fail over, alert.</summary>
    AccountPaused,

    /// <summary>A 5xx, a timeout, a dropped connection or an unreadable answer: retry with backoff.</summary>
    Transient,

    /// <summary>The request itself is wrong (bad input, unknown template, unverified domain): fail it, no retry.</summary>
    Permanent,
}
