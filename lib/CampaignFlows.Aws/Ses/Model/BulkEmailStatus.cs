using System.Net;

namespace CampaignFlows.Aws.Ses.Model;

/// <summary>The values of SES v2's <c>BulkEmailStatus</c> and what each means to the app.</summary>
public static class BulkEmailStatus
{
    private const string MessageRejectedCode = "MessageRejected";

    /// <summary>The entry was accepted.</summary>
    public const string Success = "SUCCESS";
    /// <summary>SES rejected the message (content, or sending paused).</summary>
    public const string MessageRejected = "MESSAGE_REJECTED";
    /// <summary>The MAIL FROM domain is not verified.</summary>
    public const string MailFromDomainNotVerified = "MAIL_FROM_DOMAIN_NOT_VERIFIED";
    /// <summary>The configuration set does not exist.</summary>
    public const string ConfigurationSetNotFound = "CONFIGURATION_SET_NOT_FOUND";
    /// <summary>The template does not exist.</summary>
    public const string TemplateNotFound = "TEMPLATE_NOT_FOUND";
    /// <summary>The account is suspended.</summary>
    public const string AccountSuspended = "ACCOUNT_SUSPENDED";
    /// <summary>The account's per-second rate was exceeded.</summary>
    public const string AccountThrottled = "ACCOUNT_THROTTLED";
    /// <summary>The account's 24-hour quota is used up.</summary>
    public const string AccountDailyQuotaExceeded = "ACCOUNT_DAILY_QUOTA_EXCEEDED";
    /// <summary>Sending is paused for the identity.</summary>
    public const string SendingPaused = "SENDING_PAUSED";
    /// <summary>Sending is paused for the account.</summary>
    public const string AccountSendingPaused = "ACCOUNT_SENDING_PAUSED";
    /// <summary>Sending is paused for the configuration set.</summary>
    public const string ConfigurationSetSendingPaused = "CONFIGURATION_SET_SENDING_PAUSED";
    /// <summary>A parameter of the entry is invalid.</summary>
    public const string InvalidParameter = "INVALID_PARAMETER";
    /// <summary>A temporary failure inside SES.</summary>
    public const string TransientFailure = "TRANSIENT_FAILURE";
    /// <summary>SES could not process the entry.</summary>
    public const string Failed = "FAILED";

    /// <summary>Maps an entry's status (and error text) to the app's failure kinds; null for <c>SUCCESS</c>.</summary>
    /// <remarks>An unknown status counts as permanent so that a new SES value can never cause endless retries;
    /// <c>FAILED</c> counts as transient because SES gives it to failures on its side.</remarks>
    public static AwsErrorKind? ToErrorKind(string? status, string? error) => status switch
    {
        Success => null,
        AccountThrottled => AwsErrorKind.Throttled,
        AccountDailyQuotaExceeded => AwsErrorKind.QuotaExceeded,
        AccountSuspended or SendingPaused or AccountSendingPaused or ConfigurationSetSendingPaused => AwsErrorKind.AccountPaused,
        TransientFailure or Failed => AwsErrorKind.Transient,
        // A rejection is permanent unless its text says the account is paused, out of quota or over its rate.
        MessageRejected => AwsErrorClassifier.Classify(MessageRejectedCode, error, HttpStatusCode.BadRequest),
        _ => AwsErrorKind.Permanent,
    };
}
