using System.Net;
using System.Text;
using CampaignFlows.Blobs.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using Moq;
using Moq.Protected;

namespace CampaignFlows.Blobs.Tests.Azure;

/// <summary>How the client treats answers Azurite never gives: gateways, garbage, missing headers.</summary>
public sealed class BlobClientResponseTests
{
    private static readonly StorageAccount Account = StorageAccount.Parse("UseDevelopmentStorage=true");

    [Fact]
    public async Task CreateContainerAsync_GatewayAnswersHtml_ThrowsWithStatusAndBodyText()
    {
        var client = ClientAnswering(HttpStatusCode.BadGateway, "<html><body>upstream timed out</body>", ("x-ms-request-id", "req-1"));

        var failure = await Assert.ThrowsAsync<BlobStorageException>(() => client.CreateContainerAsync("attachments"));

        Assert.Equal(HttpStatusCode.BadGateway, failure.Status);
        Assert.Null(failure.ErrorCode);
        Assert.Equal("req-1", failure.RequestId);
        Assert.Contains("upstream timed out", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateContainerAsync_ServiceErrorXml_TakesCodeAndMessageFromBody()
    {
        const string body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>Ingress is over the account limit.\nRequestId:abc</Message></Error>";
        var client = ClientAnswering(HttpStatusCode.ServiceUnavailable, body);

        var failure = await Assert.ThrowsAsync<BlobStorageException>(() => client.CreateContainerAsync("attachments"));

        Assert.Equal("ServerBusy", failure.ErrorCode);
        Assert.EndsWith("to PUT /devstoreaccount1/attachments: Ingress is over the account limit.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_SuccessWithGarbageBody_ThrowsMalformedResponse()
    {
        var client = ClientAnswering(HttpStatusCode.OK, "this is not xml");

        var failure = await Assert.ThrowsAsync<BlobStorageException>(() => client.ListAsync("attachments"));

        Assert.Equal(BlobClient.MalformedResponseCode, failure.ErrorCode);
        Assert.Contains("'attachments'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_BlobWithoutName_ThrowsMalformedResponse()
    {
        var client = ClientAnswering(HttpStatusCode.OK, "<EnumerationResults><Blobs><Blob><Properties /></Blob></Blobs></EnumerationResults>");

        var failure = await Assert.ThrowsAsync<BlobStorageException>(() => client.ListAsync("attachments"));

        Assert.Equal(BlobClient.MalformedResponseCode, failure.ErrorCode);
    }

    [Fact]
    public async Task ListAsync_ServiceListing_ParsesPropertiesAndMarker()
    {
        const string body = """
            <?xml version="1.0" encoding="utf-8"?>
            <EnumerationResults ServiceEndpoint="http://127.0.0.1:10000/devstoreaccount1" ContainerName="attachments">
              <MaxResults>1</MaxResults>
              <Blobs><Blob><Name>a/b.pdf</Name><Properties>
                <Last-Modified>Sat, 21 Nov 2026 10:00:00 GMT</Last-Modified><Etag>0x8DB</Etag>
                <Content-Length>42</Content-Length><Content-Type>application/pdf</Content-Type>
              </Properties></Blob></Blobs>
              <NextMarker>2!72!next</NextMarker>
            </EnumerationResults>
            """;
        var client = ClientAnswering(HttpStatusCode.OK, body);

        var page = await client.ListAsync("attachments", maxResults: 1);

        var blob = Assert.Single(page.Blobs);
        Assert.Equal(new BlobProperties("a/b.pdf", "application/pdf", 42, "\"0x8DB\"", new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero)), blob);
        Assert.Equal("2!72!next", page.NextMarker);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void IsTransient_ByStatus_OnlyServerSideAndThrottling(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, new BlobStorageException(status, null, null, "x").IsTransient);

    [Fact]
    public async Task DeleteAsync_BlobNotFound_ReturnsFalseWithoutLoggingAFailure()
    {
        var logger = new ListLogger<BlobClient>();
        var client = ClientAnswering(HttpStatusCode.NotFound, "", logger, ("x-ms-error-code", "BlobNotFound"));

        Assert.False(await client.DeleteAsync("attachments", "a.pdf"));
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task DeleteAsync_Forbidden_LogsStatusCodeAndRequestIdButNoCredentials()
    {
        var logger = new ListLogger<BlobClient>();
        var client = ClientAnswering(HttpStatusCode.Forbidden, "", logger, ("x-ms-error-code", "AuthorizationFailure"), ("x-ms-request-id", "req-9"));

        await Assert.ThrowsAsync<BlobStorageException>(() => client.DeleteAsync("attachments", "a.pdf"));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Warning, 3101), (entry.Level, entry.EventId));
        Assert.Equal("Blob request DELETE /devstoreaccount1/attachments/a.pdf failed with 403 AuthorizationFailure (request id req-9)", entry.Message);
        Assert.DoesNotContain(StorageAccount.DevelopmentAccountKey[..10], entry.Message, StringComparison.Ordinal);
    }

    private static BlobClient ClientAnswering(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        ClientAnswering(status, body, null, headers);

    private static BlobClient ClientAnswering(
        HttpStatusCode status, string body, ILogger<BlobClient>? logger, params (string Name, string Value)[] headers)
    {
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync((HttpRequestMessage request, CancellationToken _) =>
            {
                var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8) };
                foreach (var (name, value) in headers)
                {
                    response.Headers.TryAddWithoutValidation(name, value);
                }

                return response;
            });
        return new BlobClient(new HttpClient(handler.Object), Account, logger: logger);
    }
}
