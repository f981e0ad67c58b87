using System.Text.Json;

namespace CampaignFlows.Sandbox.Tests.Support;

/// <summary>Request bodies shaped as the SES v2 model names them, and reading the SNS-wrapped event feed.</summary>
public static class Ses
{
    public const string Simulator = "simulator.amazonses.com";

    public static object SimpleEmail(params string[] to) => new
    {
        FromEmailAddress = "shop@example.com",
        Destination = new { ToAddresses = to },
        Content = new { Simple = new { Subject = new { Data = "Hello" }, Body = new { Text = new { Data = "Hi" } } } },
        EmailTags = new[] { new { Name = "campaign", Value = "sale" } },
        ConfigurationSetName = "marketing",
    };

    public static object Bulk(string template, string defaultData, params (string To, string? Data)[] entries) => new
    {
        FromEmailAddress = "shop@example.com",
        DefaultContent = new { Template = new { TemplateName = template, TemplateData = defaultData } },
        BulkEmailEntries = entries.Select(e => new
        {
            Destination = new { ToAddresses = new[] { e.To } },
            ReplacementEmailContent = e.Data is null ? null : new { ReplacementTemplate = new { ReplacementTemplateData = e.Data } },
        }).ToArray(),
    };

    public static Task<AwsResponse> SendAsync(this SandboxClient client, params string[] to) =>
        client.SesAsync(HttpMethod.Post, "/v2/email/outbound-emails", SimpleEmail(to));

    public static Task<AwsResponse> CreateTemplateAsync(this SandboxClient client, string name, string subject, string text) =>
        client.SesAsync(HttpMethod.Post, "/v2/email/templates", new { TemplateName = name, TemplateContent = new { Subject = subject, Text = text } });

    /// <summary>Reads SNS notifications from the account's event queue until <paramref name="count"/> events arrived.</summary>
    public static async Task<List<(JsonElement Envelope, JsonElement Event)>> ReadEventsAsync(this SandboxClient client, SandboxHost sandbox, int count)
    {
        var accountId = sandbox.State.GetAccount(client.AccessKeyId, client.Region).AccountId;
        var queueUrl = $"{sandbox.Url}{accountId}/ses-events";
        var events = new List<(JsonElement, JsonElement)>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (events.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {events.Count} of {count} events arrived.");
            var received = await client.SqsAsync("ReceiveMessage", new { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
            if (!received.Body.TryGetProperty("Messages", out var messages)) continue;
            foreach (var message in messages.EnumerateArray())
            {
                var envelope = JsonDocument.Parse(message.GetProperty("Body").GetString()!).RootElement.Clone();
                events.Add((envelope, JsonDocument.Parse(envelope.GetProperty("Message").GetString()!).RootElement.Clone()));
                await client.SqsAsync("DeleteMessage", new { QueueUrl = queueUrl, ReceiptHandle = message.GetProperty("ReceiptHandle").GetString() });
            }
        }
        return events;
    }
}
