using System.Net;

namespace CampaignFlows.Blobs;

/// <summary>The blob service refused or failed a request.</summary>
/// <remarks>Carries what support needs to trace the request: HTTP status, service error code and request id.</remarks>
public sealed class BlobStorageException : Exception
{
    /// <summary>Creates the exception from a service answer.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="errorCode">The service error code (<c>x-ms-error-code</c>), when given.</param>
    /// <param name="requestId">The service request id (<c>x-ms-request-id</c>), when given.</param>
    /// <param name="message">What failed.</param>
    /// <param name="inner">The underlying failure, if any.</param>
    public BlobStorageException(
        HttpStatusCode status, string? errorCode, string? requestId, string message, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>The HTTP status code of the answer; 0 when no answer came (see <see cref="ErrorCode"/>).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The service error code, e.g. <c>ContainerNotFound</c> or <c>AuthenticationFailed</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service request id, for tracing the call in the service's logs.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// True when trying again later may succeed: no answer, a timeout, throttling or a server-side error.
    /// Bad requests, authorization failures and missing resources are not transient.
    /// </summary>
    public bool IsTransient => Status is 0 or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)Status >= 500;
}
