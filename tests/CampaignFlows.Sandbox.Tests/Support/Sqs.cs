using System.Text.Json;

namespace CampaignFlows.Sandbox.Tests.Support;

/// <summary>SQS calls shaped as the JSON protocol names them.</summary>
public static class Sqs
{
    public static async Task<string> CreateQueueAsync(this SandboxClient client, string name, Dictionary<string, string>? attributes = null)
    {
        var created = await client.SqsAsync("CreateQueue", new { QueueName = name, Attributes = attributes ?? [] });
        return created.Text("QueueUrl");
    }

    public static async Task<List<JsonElement>> ReceiveAsync(this SandboxClient client, string queueUrl, int max = 10, int wait = 0, int? visibility = null)
    {
        var received = await client.SqsAsync("ReceiveMessage", new
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = max,
            WaitTimeSeconds = wait,
            VisibilityTimeout = visibility,
            MessageSystemAttributeNames = new[] { "All" },
            MessageAttributeNames = new[] { "All" },
        });
        return received.Body.TryGetProperty("Messages", out var messages) ? [.. messages.EnumerateArray()] : [];
    }

    public static int ReceiveCount(this JsonElement message) =>
        int.Parse(message.GetProperty("Attributes").GetProperty("ApproximateReceiveCount").GetString()!);
}
