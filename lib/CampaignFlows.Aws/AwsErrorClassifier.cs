using System.Net;

namespace CampaignFlows.Aws;

/// <summary>Maps an AWS error type, message and HTTP status to the closed set of <see cref="AwsErrorKind"/>.</summary>
public static class AwsErrorClassifier
{
    // SES reports the daily quota and a paused account through several error types (Throttling in SES v1,
    // LimitExceededException or MessageRejected in v2), so the message decides before the type does.
    private const string DailyQuotaMessage = "Daily message quota exceeded";
    private const string MaxRateMessage = "Maximum sending rate exceeded";
    private const string SendingPausedMessage = "Sending paused";

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "TooManyRequestsException", "Throttling", "ThrottlingException", "ThrottledException",
        "RequestThrottled", "RequestThrottledException", "SlowDown", "TooManyRequests",
    };

    private static readonly HashSet<string> PausedCodes = new(StringComparer.Ordinal)
    {
        "SendingPausedException", "AccountSuspendedException", "AccountSendingPausedException",
        "ConfigurationSetSendingPausedException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "InternalFailure", "InternalError", "InternalServerError", "InternalServiceError",
        "ServiceUnavailable", "ServiceUnavailableException", "RequestTimeout", "RequestTimeoutException",
    };

    /// <summary>Classifies one error answer.</summary>
    /// <param name="errorCode">The error type with namespace and suffix already stripped.</param>
    /// <param name="message">The error message, possibly empty.</param>
    /// <param name="status">The HTTP status, or null when no answer arrived.</param>
    public static AwsErrorKind Classify(string errorCode, string? message, HttpStatusCode? status)
    {
        message ??= "";
        if (message.Contains(DailyQuotaMessage, StringComparison.OrdinalIgnoreCase) || errorCode == "LimitExceededException")
            return AwsErrorKind.QuotaExceeded;
        if (PausedCodes.Contains(errorCode) || (errorCode == "MessageRejected" && message.Contains(SendingPausedMessage, StringComparison.OrdinalIgnoreCase)))
            return AwsErrorKind.AccountPaused;
        if (ThrottlingCodes.Contains(errorCode) || status == HttpStatusCode.TooManyRequests || message.Contains(MaxRateMessage, StringComparison.OrdinalIgnoreCase))
            return AwsErrorKind.Throttled;
        if (TransientCodes.Contains(errorCode) || status is null || (int)status >= 500)
            return AwsErrorKind.Transient;
        return AwsErrorKind.Permanent;
    }

    /// <summary>Strips what AWS protocols wrap around an error type: a namespace prefix ending in <c>#</c>
    /// (<c>com.amazonaws.sqs#</c>) and a suffix starting at <c>:</c> (<c>:http://internal.amazon.com/coral/...</c>).</summary>
    public static string NormalizeErrorCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) code = code[..colon];
        var hash = code.LastIndexOf('#');
        if (hash >= 0) code = code[(hash + 1)..];
        return code.Trim();
    }
}
