using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Ses;

/// <summary>SES v2's error shapes with the HTTP status each has in the API model.</summary>
internal static class SesErrors
{
    public static AwsError BadRequest(string message) => new(400, "BadRequestException", message);

    public static AwsError NotFound(string message) => new(404, "NotFoundException", message);

    public static AwsError AlreadyExists(string message) => new(400, "AlreadyExistsException", message);

    public static AwsError TooManyRequests() => new(429, "TooManyRequestsException", "Maximum sending rate exceeded.");

    public static AwsError DailyQuotaExceeded() => new(400, "LimitExceededException", "Daily message quota exceeded.");

    public static AwsError SendingPaused() => new(400, "SendingPausedException", "Sending paused for this account.");

    public static AwsError AccountSuspended() => new(400, "AccountSuspendedException", "Your account has been suspended.");

    public static AwsError ServiceUnavailable() => new(503, "ServiceUnavailable", "Service is unavailable. Please try again later.");

    public static AwsError UnknownOperation() => new(404, "UnknownOperationException", "The requested operation is not supported by this endpoint.");
}
