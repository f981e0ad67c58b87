using System.Net;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Aws;

/// <summary>Every log message of the AWS clients, with stable event ids.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug,
        Message = "{Service} {Operation} for account {Account} failed with {ErrorCode} ({Kind}), HTTP {HttpStatus}, request id {RequestId}")]
    public static partial void CallFailed(this ILogger logger, string service, string operation, string account, string errorCode, AwsErrorKind kind, HttpStatusCode? httpStatus, string? requestId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "{Service} {Operation} for account {Account} got no answer within {Timeout}")]
    public static partial void CallTimedOut(this ILogger logger, string service, string operation, string account, TimeSpan timeout);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "{Service} {Operation} for account {Account} could not reach {Endpoint}")]
    public static partial void ConnectionFailed(this ILogger logger, string service, string operation, string account, Uri endpoint, Exception exception);
}
