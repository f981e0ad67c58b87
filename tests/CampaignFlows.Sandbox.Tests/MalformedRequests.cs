using System.Net;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests;

public sealed class MalformedRequests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private SandboxClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions());
        _client = new SandboxClient(_sandbox.Url, "AKIDMALFORMED");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData("/v2/email/outbound-emails", "{not json", "not valid JSON")]
    [InlineData("/v2/email/outbound-emails", "", "not valid JSON")]
    [InlineData("/v2/email/outbound-emails", """{"FromEmailAddress":"a@example.com","Destination":{"ToAddresses":["b@example.com"]}}""", "Content is required.")]
    [InlineData("/v2/email/outbound-emails", """{"FromEmailAddress":"a@example.com","Destination":{"ToAddresses":["nobody"]},"Content":{"Simple":{"Subject":{"Data":"s"},"Body":{}}}}""", "Illegal address: 'nobody'.")]
    [InlineData("/v2/email/outbound-emails", """{"FromEmailAddress":"a@example.com","Destination":{"ToAddresses":"b@example.com"},"Content":{"Simple":{"Subject":{"Data":"s"},"Body":{}}}}""", "not valid JSON")]
    [InlineData("/v2/email/outbound-bulk-emails", """{"FromEmailAddress":"a@example.com","DefaultContent":{"Template":{"TemplateName":"t"}}}""", "BulkEmailEntries must contain at least one entry.")]
    [InlineData("/v2/email/templates", """{"TemplateName":"bad name!","TemplateContent":{}}""", "TemplateName 'bad name!'")]
    public async Task SesAnswersBadRequestNamingTheProblem(string path, string body, string expected)
    {
        var response = await _client.RawAsync(HttpMethod.Post, path, body, "ses", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BadRequestException", response.Header("x-amzn-ErrorType"));
        Assert.Contains(expected, response.ErrorMessage);
        Assert.NotNull(response.Header("x-amzn-RequestId"));
    }

    [Fact]
    public async Task SesRejectsBulkCallsOverFiftyEntriesAndUnknownRoutes()
    {
        var bulk = Support.Ses.Bulk("t", "{}", [.. Enumerable.Range(0, 51).Select(i => ($"u{i}@example.com", (string?)null))]);
        var tooMany = await _client.SesAsync(HttpMethod.Post, "/v2/email/outbound-bulk-emails", bulk);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Contains("at most 50", tooMany.ErrorMessage);

        var unknown = await _client.SesAsync(HttpMethod.Get, "/v2/email/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("UnknownOperationException", unknown.ErrorType);
    }

    [Theory]
    [InlineData("AmazonSQS.SendMessage", "{oops", "com.amazon.coral.service#SerializationException")]
    [InlineData("AmazonSQS.DoSomethingElse", "{}", "com.amazon.coral.service#UnknownOperationException")]
    [InlineData("AmazonSQS.SendMessage", """{"MessageBody":"x"}""", "com.amazonaws.sqs#MissingParameter")]
    [InlineData("AmazonSQS.SendMessage", """{"QueueUrl":"http://127.0.0.1/000000000000/none","MessageBody":"x"}""", "com.amazonaws.sqs#QueueDoesNotExist")]
    [InlineData("AmazonSQS.CreateQueue", """{"QueueName":"bad name"}""", "com.amazonaws.sqs#InvalidParameterValue")]
    [InlineData("AmazonSQS.CreateQueue", """{"QueueName":"q","Attributes":{"Colour":"red"}}""", "com.amazonaws.sqs#InvalidAttributeName")]
    [InlineData("AmazonSQS.CreateQueue", """{"QueueName":"q","Attributes":{"RedrivePolicy":"{\"maxReceiveCount\":3}"}}""", "com.amazonaws.sqs#InvalidAttributeValue")]
    [InlineData("AmazonSQS.DeleteMessageBatch", """{"QueueUrl":"QUEUE","Entries":[]}""", "com.amazonaws.sqs#EmptyBatchRequest")]
    [InlineData("AmazonSQS.DeleteMessage", """{"QueueUrl":"QUEUE","ReceiptHandle":"forged"}""", "com.amazonaws.sqs#ReceiptHandleIsInvalid")]
    [InlineData("AmazonSQS.ReceiveMessage", """{"QueueUrl":"QUEUE","WaitTimeSeconds":30}""", "com.amazonaws.sqs#InvalidParameterValue")]
    public async Task SqsAnswersBadRequestWithTheServiceErrorType(string target, string body, string expectedType)
    {
        var queue = await _client.CreateQueueAsync("existing");
        var response = await _client.RawAsync(HttpMethod.Post, "/", body.Replace("QUEUE", queue), "sqs", target);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(expectedType, response.Body.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrEmpty(response.ErrorMessage));
    }

    [Fact]
    public async Task SqsRejectsBatchesOverTenEntriesAndRepeatedIds()
    {
        var queue = await _client.CreateQueueAsync("batches");
        var eleven = await _client.SqsAsync("SendMessageBatch", new { QueueUrl = queue, Entries = Enumerable.Range(0, 11).Select(i => new { Id = $"e{i}", MessageBody = "x" }) });
        Assert.Equal("com.amazonaws.sqs#TooManyEntriesInBatchRequest", eleven.ErrorType);
        var repeated = await _client.SqsAsync("SendMessageBatch", new { QueueUrl = queue, Entries = new[] { new { Id = "a", MessageBody = "x" }, new { Id = "a", MessageBody = "y" } } });
        Assert.Equal("com.amazonaws.sqs#BatchEntryIdsNotDistinct", repeated.ErrorType);
    }

    [Fact]
    public async Task UnsignedAndBadlyScopedRequestsAreRefusedAsAwsDoes()
    {
        var unsigned = await _client.RawAsync(HttpMethod.Get, "/v2/email/account", "", "ses", null, signed: false);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.Status);
        Assert.Equal("MissingAuthenticationTokenException", unsigned.ErrorType);

        using var http = new HttpClient { BaseAddress = _sandbox.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/email/account");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/ses, Signature=x");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }
}
