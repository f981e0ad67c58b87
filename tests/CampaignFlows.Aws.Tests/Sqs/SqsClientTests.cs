using System.Net;
using System.Text.Json;
using CampaignFlows.Aws.Sqs.Model;

namespace CampaignFlows.Aws.Tests.Sqs;

public class SqsClientTests
{
    private const string QueueUrl = "http://127.0.0.1:4566/000000000000/events";

    [Fact]
    public async Task SendMessageAsync_Message_PostsJson10WithTargetHeader()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, """{"MessageId":"id-1","MD5OfMessageBody":"abc"}""");

        var response = await TestClients.Sqs(handler).SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = QueueUrl,
            MessageBody = "hello",
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["kind"] = new() { DataType = "String", StringValue = "test" } },
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/", sent.Uri.AbsolutePath);
        Assert.Equal("AmazonSQS.SendMessage", sent.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.0", sent.ContentType);
        Assert.Contains("/eu-west-1/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=", sent.Headers["Authorization"]);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("String", body.RootElement.GetProperty("MessageAttributes").GetProperty("kind").GetProperty("DataType").GetString());
        Assert.False(body.RootElement.TryGetProperty("DelaySeconds", out _));
        Assert.Equal("id-1", response.MessageId);
    }

    [Fact]
    public async Task CreateQueueAsync_Tags_SendsLowerCaseTagsMemberAsTheModelSpellsIt()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, $$"""{"QueueUrl":"{{QueueUrl}}"}""");

        var response = await TestClients.Sqs(handler).CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = "events",
            Attributes = new Dictionary<string, string> { [QueueAttributeName.VisibilityTimeout] = "30" },
            Tags = new Dictionary<string, string> { ["team"] = "mail" },
        });

        using var body = JsonDocument.Parse(handler.Requests[0].Body);
        Assert.Equal("mail", body.RootElement.GetProperty("tags").GetProperty("team").GetString());
        Assert.Equal(QueueUrl, response.QueueUrl);
    }

    [Fact]
    public async Task ReceiveMessageAsync_Messages_ReadsBodiesAndReceiveCount()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK,
            """{"Messages":[{"MessageId":"m1","ReceiptHandle":"h1","MD5OfBody":"x","Body":"{}","Attributes":{"ApproximateReceiveCount":"2"}}]}""");

        var response = await TestClients.Sqs(handler).ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = QueueUrl,
            MaxNumberOfMessages = 10,
            WaitTimeSeconds = 20,
            MessageSystemAttributeNames = [MessageSystemAttributeName.ApproximateReceiveCount],
        });

        var message = Assert.Single(response.Messages);
        Assert.Equal("h1", message.ReceiptHandle);
        Assert.Equal("2", message.Attributes![MessageSystemAttributeName.ApproximateReceiveCount]);
        Assert.Contains("\"WaitTimeSeconds\":20", handler.Requests[0].Body);
    }

    [Fact]
    public async Task ReceiveMessageAsync_EmptyAnswer_ReturnsNoMessages()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");

        var response = await TestClients.Sqs(handler).ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = QueueUrl, WaitTimeSeconds = 0 });

        Assert.Empty(response.Messages);
    }

    [Theory]
    [InlineData(21, null, "WaitTimeSeconds must be 0 to 20")]
    [InlineData(null, 11, "MaxNumberOfMessages must be 1 to 10")]
    public async Task ReceiveMessageAsync_OutOfRange_ThrowsNamingTheMember(int? wait, int? max, string expected)
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            TestClients.Sqs(handler).ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = QueueUrl, WaitTimeSeconds = wait, MaxNumberOfMessages = max }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task SendMessageBatchAsync_DuplicateIds_ThrowsNamingTheId()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestClients.Sqs(handler).SendMessageBatchAsync(new SendMessageBatchRequest
        {
            QueueUrl = QueueUrl,
            Entries = [new() { Id = "a", MessageBody = "1" }, new() { Id = "a", MessageBody = "2" }],
        }));

        Assert.Contains("'a' appears 2 times", error.Message);
    }

    [Fact]
    public async Task DeleteMessageBatchAsync_ElevenEntries_ThrowsNamingTheLimit()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestClients.Sqs(handler).DeleteMessageBatchAsync(new DeleteMessageBatchRequest
        {
            QueueUrl = QueueUrl,
            Entries = Enumerable.Range(0, 11).Select(i => new DeleteMessageBatchRequestEntry { Id = $"{i}", ReceiptHandle = "h" }).ToList(),
        }));

        Assert.Contains("1 to 10 Entries, not 11", error.Message);
    }

    [Fact]
    public async Task ChangeMessageVisibilityBatchAsync_PartialFailure_ReturnsFailedEntries()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK,
            """{"Successful":[{"Id":"a"}],"Failed":[{"Id":"b","SenderFault":true,"Code":"ReceiptHandleIsInvalid","Message":"bad handle"}]}""");

        var response = await TestClients.Sqs(handler).ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
        {
            QueueUrl = QueueUrl,
            Entries = [new() { Id = "a", ReceiptHandle = "h1", VisibilityTimeout = 0 }, new() { Id = "b", ReceiptHandle = "h2", VisibilityTimeout = 0 }],
        });

        Assert.Equal("a", Assert.Single(response.Successful).Id);
        var failed = Assert.Single(response.Failed);
        Assert.True(failed.SenderFault);
        Assert.Equal("ReceiptHandleIsInvalid", failed.Code);
    }
}
