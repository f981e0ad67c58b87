using CampaignFlows.Campaigns;
using CampaignFlows.Reliability.Tests.Fixtures;
using CampaignFlows.Reliability.Tests.Fuzzing;
using Xunit.Abstractions;

namespace CampaignFlows.Reliability.Tests.Faults;

/// <summary>The SES event feed (SES -> SNS -> SQS) failing: the queue unreachable for a while, poison messages on it.</summary>
public sealed class EventFeedFaults(ITestOutputHelper output)
{
    private const string FeedPoller = "could not poll its queue";

    /// <summary>Every setting that names the SQS endpoint or the event queue, pointed through <paramref name="proxy"/>.</summary>
    private static void RouteSqsThrough(Dictionary<string, string?> settings, Uri sandbox, TcpOutageProxy proxy)
    {
        var direct = sandbox.ToString().TrimEnd('/');
        var proxied = proxy.Url.ToString().TrimEnd('/');
        settings["Aws:ServiceUrl"] = proxied;
        foreach (var key in settings.Keys.Where(k => k.EndsWith("EventQueueUrl", StringComparison.Ordinal)).ToList())
            settings[key] = settings[key]!.Replace(direct, proxied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventQueueUnreachableForAWhileIsCaughtUpAfterwards()
    {
        TcpOutageProxy? proxy = null;
        await using var app = await InProcessApp.StartAsync(configure: (sandbox, settings) =>
        {
            proxy = new TcpOutageProxy(sandbox.Url);
            RouteSqsThrough(settings, sandbox.Url, proxy);
            return Task.CompletedTask;
        });
        await using var outage = proxy!;
        using var queues = new SandboxQueues(app.Sandbox.Url);

        var outcome = await FaultRun.RunAsync(app, "feed-outage", 1_000, async () =>
        {
            await outage.CutAsync();
            var restoreAt = DateTime.UtcNow.AddSeconds(15);
            await FaultRun.SentAtLeastAsync(app, 1_000);
            while (!app.Logs.Any(l => l.Contains(FeedPoller, StringComparison.Ordinal)) || DateTime.UtcNow < restoreAt) await Task.Delay(200);
            outage.Restore();
        }, TimeSpan.FromMinutes(2));
        var waiting = await queues.CountAsync(EmbeddedSandbox.EventQueue);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (waiting > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            waiting = await queues.CountAsync(EmbeddedSandbox.EventQueue);
        }
        output.WriteLine($"{outcome.Status}, events left {waiting}, poll failures logged {app.Logs.Count(l => l.Contains(FeedPoller, StringComparison.Ordinal))}");

        Assert.Equal("Completed", outcome.Status);
        FaultRun.AssertNothingLostOrDoubled(outcome);
        Assert.Equal(1_000, outcome.Sent.Count);
        Assert.Empty(outcome.DeadLettered);
        Assert.Contains(app.Logs, l => l.Contains(FeedPoller, StringComparison.Ordinal));
        Assert.Equal(0, waiting);
    }

    /// <summary>
    /// Bodies that are not SES events fail the feed function, are received again, and after the queue's
    /// maxReceiveCount land in its dead-letter queue; readable events around them are processed and deleted.
    /// </summary>
    [Fact]
    public async Task MalformedSnsMessagesEndInThePoisonQueue()
    {
        const string feed = "ses-events-redriven";
        const string poison = "ses-events-poison";
        SandboxQueues? queues = null;
        await using var app = await InProcessApp.StartAsync(configure: async (sandbox, settings) =>
        {
            queues = new SandboxQueues(sandbox.Url);
            await queues.CreateAsync(poison, []);
            var url = await queues.CreateAsync(feed, new Dictionary<string, string>
            {
                ["VisibilityTimeout"] = "1",
                ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{SandboxQueues.Arn(poison)}}","maxReceiveCount":"3"}""",
            });
            settings["Mail:EventQueueUrl"] = url;
        });
        using var feedQueues = queues!;
        var malformed = new FuzzInputs(5).MalformedSesEvents(24).ToList();
        foreach (var body in malformed) await feedQueues.SendAsync(feed, body);
        var readable = """{"Type":"Notification","Message":"{\"eventType\":\"Send\",\"mail\":{\"messageId\":\"not-ours\",\"destination\":[\"x@example.com\"]}}"}""";
        await feedQueues.SendAsync(feed, readable);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await feedQueues.CountAsync(feed) > 0 || await feedQueues.CountAsync(poison) < malformed.Count) && DateTime.UtcNow < deadline) await Task.Delay(500);
        var poisoned = await feedQueues.DrainAsync(poison);
        output.WriteLine($"poisoned {poisoned.Count} of {malformed.Count}; feed left {await feedQueues.CountAsync(feed)}");

        Assert.Equal(malformed.Order(StringComparer.Ordinal), poisoned.Order(StringComparer.Ordinal));
        Assert.Equal(0, await feedQueues.CountAsync(feed));
        using var client = app.Client();
        Assert.True((await client.GetAsync("/api/campaigns")).IsSuccessStatusCode, "the host stopped answering");
    }
}
