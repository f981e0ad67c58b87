using CampaignFlows.Aws.Sqs.Model;

namespace CampaignFlows.Aws.Tests.Integration;

[Collection(SandboxCollection.Name)]
public class SqsQueues(SandboxFixture fixture)
{
    [Fact]
    public async Task SendReceiveDelete_RoundTripsBodyAndAttributes()
    {
        var sqs = fixture.Sqs("AKIDSQSBASIC");
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "basic" })).QueueUrl!;

        await sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = url,
            MessageBody = "{\"hello\":1}",
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["kind"] = new() { DataType = "String", StringValue = "test" } },
        });
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = url,
            WaitTimeSeconds = 5,
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = [MessageSystemAttributeName.ApproximateReceiveCount],
        });
        var message = Assert.Single(received.Messages);
        await sqs.DeleteMessageAsync(new DeleteMessageRequest { QueueUrl = url, ReceiptHandle = message.ReceiptHandle! });
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [QueueAttributeName.All] });

        Assert.Equal("{\"hello\":1}", message.Body);
        Assert.Equal("test", message.MessageAttributes!["kind"].StringValue);
        Assert.Equal("1", message.Attributes![MessageSystemAttributeName.ApproximateReceiveCount]);
        Assert.Equal("0", attributes.Attributes[QueueAttributeName.ApproximateNumberOfMessages]);
        Assert.Equal("0", attributes.Attributes[QueueAttributeName.ApproximateNumberOfMessagesNotVisible]);
        Assert.Equal(url, (await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = "basic" })).QueueUrl);
    }

    [Fact]
    public async Task LongPoll_ReturnsAMessageSentWhileWaiting()
    {
        var sqs = fixture.Sqs("AKIDSQSPOLL");
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "poll" })).QueueUrl!;

        var receive = sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20 });
        await Task.Delay(300);
        Assert.False(receive.IsCompleted);
        await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "late" });
        var received = await receive;

        // Had the poll ended empty after its full wait, there would be no message here.
        Assert.Equal("late", Assert.Single(received.Messages).Body);
    }

    [Fact]
    public async Task BatchSendReceiveVisibilityAndDelete()
    {
        var sqs = fixture.Sqs("AKIDSQSBATCH");
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = "batch",
            Attributes = new Dictionary<string, string> { [QueueAttributeName.VisibilityTimeout] = "60" },
        })).QueueUrl!;

        var sent = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
        {
            QueueUrl = url,
            Entries = Enumerable.Range(0, 10).Select(i => new SendMessageBatchRequestEntry { Id = $"e{i}", MessageBody = $"body {i}" }).ToList(),
        });
        var first = await ReceiveAll(sqs, url, 10);
        var hidden = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 0 });
        var reshown = await sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
        {
            QueueUrl = url,
            Entries = first.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry { Id = $"v{i}", ReceiptHandle = m.ReceiptHandle!, VisibilityTimeout = 0 }).ToList(),
        });
        var second = await ReceiveAll(sqs, url, 10);
        var deleted = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
        {
            QueueUrl = url,
            Entries = second.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = $"d{i}", ReceiptHandle = m.ReceiptHandle! }).ToList(),
        });

        Assert.Equal(10, sent.Successful.Count);
        Assert.Empty(sent.Failed);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"body {i}").Order(), first.Select(m => m.Body!).Order());
        Assert.Empty(hidden.Messages);
        Assert.Equal(10, reshown.Successful.Count);
        Assert.All(second, m => Assert.Equal("2", m.Attributes![MessageSystemAttributeName.ApproximateReceiveCount]));
        Assert.Equal(10, deleted.Successful.Count);
        Assert.Empty(deleted.Failed);
    }

    [Fact]
    public async Task ChangeVisibilityAndPurge()
    {
        var sqs = fixture.Sqs("AKIDSQSPURGE");
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "purge" })).QueueUrl!;
        await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "one" });
        var message = Assert.Single((await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 5, VisibilityTimeout = 60 })).Messages);

        await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest { QueueUrl = url, ReceiptHandle = message.ReceiptHandle!, VisibilityTimeout = 0 });
        var again = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 5 });
        await sqs.PurgeQueueAsync(new PurgeQueueRequest { QueueUrl = url });
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [QueueAttributeName.All] });

        Assert.Equal("one", Assert.Single(again.Messages).Body);
        Assert.Equal("0", attributes.Attributes[QueueAttributeName.ApproximateNumberOfMessages]);
        Assert.Equal("0", attributes.Attributes[QueueAttributeName.ApproximateNumberOfMessagesNotVisible]);
    }

    [Fact]
    public async Task UnknownQueue_IsPermanentWithRequestId()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => fixture.Sqs("AKIDSQSMISSING").GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = "nope" }));

        Assert.Equal(AwsErrorKind.Permanent, error.Kind);
        Assert.Equal("QueueDoesNotExist", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task SesEventsArriveOnTheEventQueue()
    {
        const string key = "AKIDEVENTS";
        var ses = fixture.Ses(key);
        var sqs = fixture.Sqs(key);
        var url = (await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = "ses-events" })).QueueUrl!;

        var sent = await ses.SendEmailAsync(new Aws.Ses.Model.SendEmailRequest
        {
            FromEmailAddress = "shop@example.com",
            Destination = new Aws.Ses.Model.Destination { ToAddresses = ["bounce@simulator.amazonses.com"] },
            Content = new Aws.Ses.Model.EmailContent
            {
                Simple = new Aws.Ses.Model.Message { Subject = new Aws.Ses.Model.Content { Data = "s" }, Body = new Aws.Ses.Model.Body { Text = new Aws.Ses.Model.Content { Data = "b" } } },
            },
        });
        var bodies = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!bodies.Any(b => b.Contains("Bounce", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            bodies.AddRange((await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 2, MaxNumberOfMessages = 10 })).Messages.Select(m => m.Body!));

        Assert.Contains(bodies, b => b.Contains(sent.MessageId!, StringComparison.Ordinal) && b.Contains("Bounce", StringComparison.Ordinal));
    }

    private static async Task<List<Message>> ReceiveAll(Aws.Sqs.ISqsClient sqs, string url, int count)
    {
        var messages = new List<Message>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (messages.Count < count && DateTime.UtcNow < deadline)
            messages.AddRange((await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url,
                WaitTimeSeconds = 2,
                MaxNumberOfMessages = 10,
                MessageSystemAttributeNames = [MessageSystemAttributeName.ApproximateReceiveCount],
            })).Messages);
        return messages;
    }
}
