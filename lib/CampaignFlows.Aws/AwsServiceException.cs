using System.Net;

namespace CampaignFlows.Aws;

/// <summary>An SES or SQS call failed; <see cref="Kind"/> says what the caller should do about it.</summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception for one failed call.</summary>
    public AwsServiceException(AwsErrorKind kind, string errorCode, string message, HttpStatusCode? httpStatus, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
        HttpStatus = httpStatus;
        RequestId = requestId;
    }

    /// <summary>What the failure means to the app.</summary>
    public AwsErrorKind Kind { get; }

    /// <summary>The AWS error type without namespace or suffix (e.g. <c>TooManyRequestsException</c>), or a local code
    /// such as <c>RequestTimeout</c>, <c>ConnectionFailure</c> or <c>MalformedResponse</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the answer; null when no answer arrived.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>The AWS request id (<c>x-amzn-RequestId</c>) when the service sent one.</summary>
    public string? RequestId { get; }

    /// <summary>True when a retry of the same request may succeed (throttling and transient failures).</summary>
    public bool IsRetryable => Kind is AwsErrorKind.Throttled or AwsErrorKind.Transient;
}
