namespace CampaignFlows.Domain;

/// <summary>The kinds of send failure the app acts on; the SES client's errors map onto these.</summary>
public enum SendFailureKind
{
    /// <summary>429 TooManyRequests, "Maximum sending rate exceeded": the per-second rate.</summary>
    Throttled,

    /// <summary>LimitExceeded, "Daily message quota exceeded": the 24-hour quota.</summary>
    QuotaExceeded,

    /// <summary>SendingPaused, or MessageRejected "Sending paused for this account".</summary>
    AccountPaused,

    /// <summary>AccountSuspended.</summary>
    AccountSuspended,

    /// <summary>5xx answers and timeouts.</summary>
    Transient,

    /// <summary>BadRequest, NotFound (template), MailFromDomainNotVerified and other refusals that will not change on retry.</summary>
    Permanent,
}
