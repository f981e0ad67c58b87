using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests.Sqs;

public sealed class QueueBehaviour : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private SandboxClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions());
        _client = new SandboxClient(_sandbox.Url, "AKIDSQS");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task SentMessageComesBackWithItsMd5AndHidesForTheVisibilityTimeout()
    {
        var queue = await _client.CreateQueueAsync("orders");
        Assert.Equal($"{_sandbox.Url}{_sandbox.State.GetAccount("AKIDSQS", "us-east-1").AccountId}/orders", queue);
        var sent = await _client.SqsAsync("SendMessage", new { QueueUrl = queue, MessageBody = "hello ü" });
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("hello ü"))), sent.Text("MD5OfMessageBody"));

        var first = Assert.Single(await _client.ReceiveAsync(queue, visibility: 3));
        Assert.Equal("hello ü", first.GetProperty("Body").GetString());
        Assert.Equal(sent.Text("MessageId"), first.GetProperty("MessageId").GetString());
        Assert.Equal(sent.Text("MD5OfMessageBody"), first.GetProperty("MD5OfBody").GetString());
        Assert.Equal(1, first.ReceiveCount());
        Assert.Empty(await _client.ReceiveAsync(queue));

        var reappeared = new List<System.Text.Json.JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (reappeared.Count == 0 && DateTime.UtcNow < deadline) reappeared = await _client.ReceiveAsync(queue, wait: 1);
        var again = Assert.Single(reappeared);
        Assert.Equal(2, again.ReceiveCount());
        Assert.NotEqual(first.GetProperty("ReceiptHandle").GetString(), again.GetProperty("ReceiptHandle").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _client.SqsAsync("DeleteMessage", new { QueueUrl = queue, ReceiptHandle = again.GetProperty("ReceiptHandle").GetString() })).Status);
        var attributes = await _client.SqsAsync("GetQueueAttributes", new { QueueUrl = queue, AttributeNames = new[] { "All" } });
        Assert.Equal("0", attributes.Body.GetProperty("Attributes").GetProperty("ApproximateNumberOfMessages").GetString());
        Assert.Equal("0", attributes.Body.GetProperty("Attributes").GetProperty("ApproximateNumberOfMessagesNotVisible").GetString());
    }

    [Fact]
    public async Task LongPollWakesAsSoonAsAMessageIsSent()
    {
        var queue = await _client.CreateQueueAsync("wakeup");
        var started = Stopwatch.StartNew();
        var polling = _client.ReceiveAsync(queue, wait: 20);
        await Task.Delay(200);
        Assert.False(polling.IsCompleted);
        await _client.SqsAsync("SendMessage", new { QueueUrl = queue, MessageBody = "ping" });

        var received = Assert.Single(await polling);
        Assert.Equal("ping", received.GetProperty("Body").GetString());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"the poll ended after {started.Elapsed} instead of on the send");
    }

    [Fact]
    public async Task MessageMovesToTheDeadLetterQueueAfterMaxReceiveCount()
    {
        var dlq = await _client.CreateQueueAsync("orders-dlq");
        var dlqArn = (await _client.SqsAsync("GetQueueAttributes", new { QueueUrl = dlq, AttributeNames = new[] { "QueueArn" } }))
            .Body.GetProperty("Attributes").GetProperty("QueueArn").GetString();
        var queue = await _client.CreateQueueAsync("orders-main", new() { ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":"2"}""" });
        await _client.SqsAsync("SendMessage", new { QueueUrl = queue, MessageBody = "poison" });

        Assert.Equal(1, Assert.Single(await _client.ReceiveAsync(queue, visibility: 0)).ReceiveCount());
        Assert.Equal(2, Assert.Single(await _client.ReceiveAsync(queue, visibility: 0)).ReceiveCount());
        Assert.Empty(await _client.ReceiveAsync(queue, visibility: 0));

        var dead = Assert.Single(await _client.ReceiveAsync(dlq, wait: 5));
        Assert.Equal("poison", dead.GetProperty("Body").GetString());
        var redrive = (await _client.SqsAsync("GetQueueAttributes", new { QueueUrl = queue, AttributeNames = new[] { "RedrivePolicy" } }))
            .Body.GetProperty("Attributes").GetProperty("RedrivePolicy").GetString();
        Assert.Equal($$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":2}""", redrive);
    }

    [Fact]
    public async Task BatchesSendDeleteAndChangeVisibilityPerEntry()
    {
        var queue = await _client.CreateQueueAsync("batch");
        var sent = await _client.SqsAsync("SendMessageBatch", new
        {
            QueueUrl = queue,
            Entries = Enumerable.Range(0, 10).Select(i => new
            {
                Id = $"m{i}",
                MessageBody = $"body {i}",
                MessageAttributes = new Dictionary<string, object> { ["kind"] = new { DataType = "String", StringValue = "order" } },
            }).ToArray(),
        });
        Assert.Equal(10, sent.Body.GetProperty("Successful").GetArrayLength());
        Assert.Equal(0, sent.Body.GetProperty("Failed").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(sent.Body.GetProperty("Successful")[0].GetProperty("MD5OfMessageAttributes").GetString()));

        var received = new List<System.Text.Json.JsonElement>();
        while (received.Count < 10) received.AddRange(await _client.ReceiveAsync(queue, wait: 1));
        Assert.Equal("order", received[0].GetProperty("MessageAttributes").GetProperty("kind").GetProperty("StringValue").GetString());
        Assert.Equal(sent.Body.GetProperty("Successful")[0].GetProperty("MD5OfMessageAttributes").GetString(), received[0].GetProperty("MD5OfMessageAttributes").GetString());

        var changed = await _client.SqsAsync("ChangeMessageVisibilityBatch", new
        {
            QueueUrl = queue,
            Entries = new[] { new { Id = "back", ReceiptHandle = received[0].GetProperty("ReceiptHandle").GetString(), VisibilityTimeout = 0 } },
        });
        Assert.Equal("back", changed.Body.GetProperty("Successful")[0].GetProperty("Id").GetString());
        var deleted = await _client.SqsAsync("DeleteMessageBatch", new
        {
            QueueUrl = queue,
            Entries = received.Skip(1).Select((m, i) => new { Id = $"d{i}", ReceiptHandle = m.GetProperty("ReceiptHandle").GetString() })
                .Append(new { Id = "bad", ReceiptHandle = (string?)"not-a-handle" }).ToArray(),
        });
        Assert.Equal(9, deleted.Body.GetProperty("Successful").GetArrayLength());
        var failed = deleted.Body.GetProperty("Failed")[0];
        Assert.Equal("bad", failed.GetProperty("Id").GetString());
        Assert.Equal("ReceiptHandleIsInvalid", failed.GetProperty("Code").GetString());
        Assert.True(failed.GetProperty("SenderFault").GetBoolean());

        var back = Assert.Single(await _client.ReceiveAsync(queue, wait: 5));
        Assert.Equal(received[0].GetProperty("MessageId").GetString(), back.GetProperty("MessageId").GetString());
        await _client.SqsAsync("PurgeQueue", new { QueueUrl = queue });
        var attributes = (await _client.SqsAsync("GetQueueAttributes", new { QueueUrl = queue, AttributeNames = new[] { "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessages" } })).Body.GetProperty("Attributes");
        Assert.Equal("0", attributes.GetProperty("ApproximateNumberOfMessagesNotVisible").GetString());
        Assert.Equal("0", attributes.GetProperty("ApproximateNumberOfMessages").GetString());
    }

    [Fact]
    public async Task GetQueueUrlFindsAQueueOnlyInItsOwnAccountAndRegion()
    {
        var queue = await _client.CreateQueueAsync("lookup");
        Assert.Equal(queue, (await _client.SqsAsync("GetQueueUrl", new { QueueName = "lookup" })).Text("QueueUrl"));
        var elsewhere = await _client.As("AKIDSQS", "eu-west-1").SqsAsync("GetQueueUrl", new { QueueName = "lookup" });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.Status);
        Assert.Equal("com.amazonaws.sqs#QueueDoesNotExist", elsewhere.ErrorType);
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue;Sender", elsewhere.Header("x-amzn-query-error"));
        var eventQueue = await _client.As("AKIDOTHER").SqsAsync("GetQueueUrl", new { QueueName = "ses-events" });
        Assert.Equal(HttpStatusCode.OK, eventQueue.Status);
    }
}
