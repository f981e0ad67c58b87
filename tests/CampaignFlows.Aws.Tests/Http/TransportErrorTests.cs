using System.Net;
using CampaignFlows.Aws.Sqs.Model;

namespace CampaignFlows.Aws.Tests.Http;

public class TransportErrorTests
{
    [Fact]
    public async Task GetAccountAsync_429WithHeaderErrorType_ThrowsThrottledWithRequestId()
    {
        var handler = FakeHandler.Returning((HttpStatusCode)429, """{"message":"Maximum sending rate exceeded."}""",
            ("x-amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/coral/com.amazon.coral.availability/"), ("x-amzn-RequestId", "r-429"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Equal(AwsErrorKind.Throttled, error.Kind);
        Assert.Equal("TooManyRequestsException", error.ErrorCode);
        Assert.Equal("Maximum sending rate exceeded.", error.Message);
        Assert.Equal((HttpStatusCode)429, error.HttpStatus);
        Assert.Equal("r-429", error.RequestId);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task GetAccountAsync_MessageRejectedSendingPaused_ThrowsAccountPaused()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.BadRequest, """{"__type":"MessageRejected","message":"Sending paused for this account."}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Equal(AwsErrorKind.AccountPaused, error.Kind);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task GetAccountAsync_HtmlBadGateway_ThrowsTransientCarryingStatusAndRequestId()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.BadGateway, "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>", ("x-amzn-RequestId", "r-502"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Equal(AwsErrorKind.Transient, error.Kind);
        Assert.Equal("UnknownError", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadGateway, error.HttpStatus);
        Assert.Equal("r-502", error.RequestId);
        Assert.Contains("HTTP 502", error.Message);
        Assert.Contains("502 Bad Gateway", error.Message);
    }

    [Fact]
    public async Task GetAccountAsync_UnknownErrorTypeOn400_ThrowsPermanentWithThatCode()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.BadRequest, """{"__type":"BrandNewException","message":"something new"}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Equal(AwsErrorKind.Permanent, error.Kind);
        Assert.Equal("BrandNewException", error.ErrorCode);
    }

    [Fact]
    public async Task GetAccountAsync_TruncatedJsonOn200_ThrowsTransientMalformedResponse()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, """{"SendQuota":{"Max24HourSend":""", ("x-amzn-RequestId", "r-200"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Equal(AwsErrorKind.Transient, error.Kind);
        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
        Assert.Equal("r-200", error.RequestId);
    }

    [Fact]
    public async Task GetAccountAsync_WrongJsonTypeOn200_ThrowsTransientMalformedResponse()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, """{"SendQuota":"lots"}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Equal("MalformedResponse", error.ErrorCode);
    }

    [Fact]
    public async Task GetAccountAsync_NoAnswerWithinTimeout_ThrowsTransientRequestTimeout()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Response(HttpStatusCode.OK, "{}");
        });
        var client = TestClients.Ses(handler, TestClients.Account(TimeSpan.FromMilliseconds(200)));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetAccountAsync());

        Assert.Equal(AwsErrorKind.Transient, error.Kind);
        Assert.Equal("RequestTimeout", error.ErrorCode);
        Assert.Null(error.HttpStatus);
    }

    [Fact]
    public async Task GetAccountAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Response(HttpStatusCode.OK, "{}");
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestClients.Ses(handler).GetAccountAsync(cancel.Token));
    }

    [Fact]
    public async Task GetAccountAsync_ConnectionRefused_ThrowsTransientConnectionFailure()
    {
        var handler = new FakeHandler((_, _) => throw new HttpRequestException("Connection refused (127.0.0.1:4566)"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Equal(AwsErrorKind.Transient, error.Kind);
        Assert.Equal("ConnectionFailure", error.ErrorCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task GetQueueUrlAsync_NamespacedSqsError_ThrowsPermanentWithBareCode()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}""", ("x-amzn-RequestId", "r-sqs"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Sqs(handler).GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = "missing" }));

        Assert.Equal(AwsErrorKind.Permanent, error.Kind);
        Assert.Equal("QueueDoesNotExist", error.ErrorCode);
        Assert.Equal("The specified queue does not exist.", error.Message);
        Assert.Equal("r-sqs", error.RequestId);
    }

    [Fact]
    public async Task GetAccountAsync_EmptyBodyOn500_ThrowsTransientWithStatusInMessage()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.InternalServerError, "");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Equal(AwsErrorKind.Transient, error.Kind);
        Assert.Contains("HTTP 500", error.Message);
    }

    [Fact]
    public async Task GetAccountAsync_RetryableFailure_IsNotRetriedByTheClient()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailable","message":"busy"}""");

        await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).GetAccountAsync());

        Assert.Single(handler.Requests);
    }
}
