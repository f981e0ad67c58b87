using System.Net;
using System.Text.Json;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests.Ses;

public sealed class SimulatorOutcomesAndEvents
{
    private static string Sim(string local) => $"{local}@{Support.Ses.Simulator}";

    [Fact]
    public async Task EachSimulatorAddressPublishesItsSesEventWrappedInSns()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { EventDelayMilliseconds = 10 });
        using var client = new SandboxClient(sandbox.Url, "AKIDEVENTS");
        await client.SesAsync(HttpMethod.Put, "/v2/email/suppression/addresses", new { EmailAddress = "gone@example.com", Reason = "BOUNCE" });

        var recipients = new[] { Sim("success"), Sim("bounce"), Sim("complaint"), Sim("ooto"), Sim("suppressionlist"), "gone@example.com" };
        var sent = await client.SendAsync(recipients);
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        var messageId = sent.Text("MessageId");

        // Send, Delivery (success, complaint, ooto), Bounce General, Bounce Suppressed, Bounce OnAccountSuppressionList, Complaint.
        var events = await client.ReadEventsAsync(sandbox, 6);
        var (envelope, _) = events[0];
        Assert.Equal("Notification", envelope.GetProperty("Type").GetString());
        var accountId = sandbox.State.GetAccount("AKIDEVENTS", "us-east-1").AccountId;
        Assert.Equal($"arn:aws:sns:us-east-1:{accountId}:ses-events", envelope.GetProperty("TopicArn").GetString());
        Assert.Equal("1", envelope.GetProperty("SignatureVersion").GetString());
        Assert.True(envelope.TryGetProperty("MessageId", out _) && envelope.TryGetProperty("Timestamp", out _) && envelope.TryGetProperty("Signature", out _));

        Assert.All(events, e => Assert.Equal(messageId, e.Event.GetProperty("mail").GetProperty("messageId").GetString()));
        var mail = events[0].Event.GetProperty("mail");
        Assert.Equal("shop@example.com", mail.GetProperty("source").GetString());
        Assert.Equal(recipients, mail.GetProperty("destination").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("marketing", mail.GetProperty("tags").GetProperty("ses:configuration-set")[0].GetString());
        Assert.Equal("sale", mail.GetProperty("tags").GetProperty("campaign")[0].GetString());

        var byType = events.Select(e => e.Event).ToLookup(e => e.GetProperty("eventType").GetString());
        Assert.Single(byType["Send"]);
        var delivered = byType["Delivery"].Single().GetProperty("delivery").GetProperty("recipients").EnumerateArray().Select(r => r.GetString());
        Assert.Equal([Sim("success"), Sim("complaint"), Sim("ooto")], delivered);
        var bounces = byType["Bounce"].Select(e => e.GetProperty("bounce")).ToDictionary(b => b.GetProperty("bounceSubType").GetString()!);
        Assert.Equal(["General", "OnAccountSuppressionList", "Suppressed"], bounces.Keys.Order());
        Assert.All(bounces.Values, b => Assert.Equal("Permanent", b.GetProperty("bounceType").GetString()));
        var general = bounces["General"].GetProperty("bouncedRecipients")[0];
        Assert.Equal(Sim("bounce"), general.GetProperty("emailAddress").GetString());
        Assert.Equal("failed", general.GetProperty("action").GetString());
        Assert.Equal("5.1.1", general.GetProperty("status").GetString());
        Assert.StartsWith("smtp; 550", general.GetProperty("diagnosticCode").GetString());
        Assert.Equal("gone@example.com", bounces["OnAccountSuppressionList"].GetProperty("bouncedRecipients")[0].GetProperty("emailAddress").GetString());
        var complaint = byType["Complaint"].Single().GetProperty("complaint");
        Assert.Equal("abuse", complaint.GetProperty("complaintFeedbackType").GetString());
        Assert.Equal(Sim("complaint"), complaint.GetProperty("complainedRecipients")[0].GetProperty("emailAddress").GetString());

        var logged = Assert.Single(sandbox.State.SentMessages());
        Assert.Equal(["Delivery", "Bounce", "Complaint", "Delivery", "Suppressed", "Suppressed"], logged.Outcome);
        var counts = sandbox.State.GetAccount("AKIDEVENTS", "us-east-1").GetStatistics().EventCounts;
        Assert.Equal(3, counts["Bounce"]);
        Assert.Equal(1, counts["Complaint"]);
    }

    [Fact]
    public async Task DomainProbabilitiesGiveTheSameOutcomeToTheSameAddressEveryTime()
    {
        var options = new SandboxOptions { Seed = 42, Domains = { ["flaky.test"] = new DomainOutcomeOptions { BounceProbability = 0.3, ComplaintProbability = 0.1 } } };
        var addresses = Enumerable.Range(0, 200).Select(i => $"user{i}@flaky.test").ToArray();
        var first = await OutcomesAsync(options, addresses);
        var second = await OutcomesAsync(options, addresses);

        Assert.Equal(first, second);
        var bounced = first.Count(o => o == "Bounce") / 200.0;
        var complained = first.Count(o => o == "Complaint") / 200.0;
        Assert.InRange(bounced, 0.2, 0.4);
        Assert.InRange(complained, 0.03, 0.2);
        var otherSeed = await OutcomesAsync(new SandboxOptions { Seed = 7, Domains = options.Domains }, addresses);
        Assert.NotEqual(first, otherSeed);
    }

    private static async Task<List<string>> OutcomesAsync(SandboxOptions options, string[] addresses)
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = options.Seed, Domains = options.Domains, DefaultAccount = new AccountOptions { EventTypes = [] } });
        using var client = new SandboxClient(sandbox.Url, "AKIDODDS");
        foreach (var chunk in addresses.Chunk(50)) Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(chunk)).Status);
        return [.. sandbox.State.SentMessages().SelectMany(m => m.Outcome)];
    }

    [Fact]
    public async Task BounceRateAboveFivePercentIsProbationAndAboveTenPercentPausesSending()
    {
        var options = new SandboxOptions
        {
            Domains = { ["bad.test"] = new DomainOutcomeOptions { BounceProbability = 1 } },
            DefaultAccount = new AccountOptions { ReputationMinimumSample = 100, ReputationWindow = 1000, EventTypes = [] },
        };
        await using var sandbox = await SandboxHost.StartAsync(options);
        using var client = new SandboxClient(sandbox.Url, "AKIDREPUTE");
        async Task<JsonElement> Account() => (await client.SesAsync(HttpMethod.Get, "/v2/email/account")).Body;

        foreach (var chunk in Enumerable.Range(0, 94).Select(i => $"u{i}@good.test").Chunk(47)) await client.SendAsync(chunk);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Enumerable.Range(0, 5).Select(i => Sim($"bounce+{i}")).ToArray())).Status);
        Assert.Equal("HEALTHY", (await Account()).GetProperty("EnforcementStatus").GetString());

        await client.SendAsync(Enumerable.Range(0, 6).Select(i => $"b{i}@bad.test").ToArray());
        Assert.Equal("PROBATION", (await Account()).GetProperty("EnforcementStatus").GetString());
        Assert.True((await Account()).GetProperty("SendingEnabled").GetBoolean());

        await client.SendAsync(Enumerable.Range(6, 5).Select(i => $"b{i}@bad.test").ToArray());
        var shut = await Account();
        Assert.Equal("SHUTDOWN", shut.GetProperty("EnforcementStatus").GetString());
        Assert.False(shut.GetProperty("SendingEnabled").GetBoolean());
        Assert.Equal("SendingPausedException", (await client.SendAsync("u@good.test")).ErrorType);

        await client.AdminAsync(HttpMethod.Post, "/_sandbox/reset");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync("u@good.test")).Status);
    }
}
