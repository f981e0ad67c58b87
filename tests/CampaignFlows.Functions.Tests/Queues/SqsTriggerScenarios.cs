using System.Text.Json;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Functions.Tests.Support;
using CampaignFlows.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Tests.Queues;

public sealed class SqsTriggerScenarios
{
    [Fact]
    public async Task QueueTriggerDeletesOnlyProcessedMessagesAndDeadLettersPoison()
    {
        FeedReader.Attempts.Clear();
        FeedReader.Processed.Clear();
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions());
        var account = new AwsAccountOptions { Name = "Sandbox", ServiceUrl = sandbox.Url, AccessKeyId = "AKIDSANDBOX", SecretAccessKey = "sandbox-secret" };
        using var awsServices = new ServiceCollection().AddAwsClients().BuildServiceProvider();
        var sqs = awsServices.GetRequiredService<IAwsClientFactory>().CreateSqs(account);
        var queue = (await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = "feed",
            Attributes = new Dictionary<string, string> { ["VisibilityTimeout"] = "1" },
        })).QueueUrl!;
        var deadLetter = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "feed-dlq" })).QueueUrl!;
        foreach (var feed in new[] { new FeedEvent("a", "ok"), new FeedEvent("b", "flaky"), new FeedEvent("c", "poison"), new FeedEvent("d", "ok") })
            await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queue, MessageBody = JsonSerializer.Serialize(feed, Durable.DurableJson.Options) });

        var settings = new Dictionary<string, string?>
        {
            ["FeedQueueUrl"] = queue,
            ["FeedDeadLetterUrl"] = deadLetter,
            ["Sandbox:ServiceUrl"] = sandbox.Url.ToString(),
            ["Sandbox:AccessKeyId"] = account.AccessKeyId,
            ["Sandbox:SecretAccessKey"] = account.SecretAccessKey,
        };
        Message? deadLettered = null;
        await using (var host = await TestHost.StartAsync([typeof(FeedReader)], settings))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (deadLettered is null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Nothing reached the dead-letter queue; attempts: {string.Join(",", FeedReader.Attempts)}");
                var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = deadLetter, WaitTimeSeconds = 1 });
                deadLettered = received.Messages.FirstOrDefault();
            }
        }

        Assert.Equal("c", JsonSerializer.Deserialize<FeedEvent>(deadLettered.Body!, Durable.DurableJson.Options)!.Id);
        Assert.Equal(["a", "b", "d"], FeedReader.Processed.Order());
        Assert.Equal(1, FeedReader.Attempts.Count(a => a == "a"));
        Assert.Equal(1, FeedReader.Attempts.Count(a => a == "d"));
        Assert.Equal(2, FeedReader.Attempts.Count(a => a == "b"));
        Assert.Equal(2, FeedReader.Attempts.Count(a => a == "c"));
        var left = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = queue,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        });
        Assert.Equal("0", left.Attributes["ApproximateNumberOfMessages"]);
        Assert.Equal("0", left.Attributes["ApproximateNumberOfMessagesNotVisible"]);
    }
}
