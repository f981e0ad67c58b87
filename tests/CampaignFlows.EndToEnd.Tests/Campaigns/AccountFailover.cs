using System.Net;
using System.Text.Json;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

public sealed class AccountFailover
{
    private const string Primary = "AKIDMARKETINGPRIMARY";
    private const string Backup = "AKIDMARKETINGBACKUP";

    private static void PauseInSandbox(CampaignApp app, string keyId) =>
        app.Sandbox.State.GetAccount(keyId, EmbeddedSandbox.Region).Update(o => o with { SendingPaused = true });

    [Fact]
    public async Task AccountPausedMidCampaignFailsOverToTheBackupAndEverybodyIsSentOnce()
    {
        await using var app = await CampaignApp.StartAsync(settings: SlowSettings());
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("failover", Recipients(200)))).StatusCode);

        await WaitUntilAsync(() => app.Sandbox.State.SentMessages().Count >= 20, TimeSpan.FromSeconds(60), "the first sends");
        PauseInSandbox(app, Primary);
        var view = await app.WaitForCampaignAsync("failover", TimeSpan.FromSeconds(120));

        Assert.Equal("Completed", view.GetProperty("runtimeStatus").GetString());
        Assert.Equal(200, view.GetProperty("report").GetProperty("sent").GetInt64());
        var sent = app.SentAddresses();
        Assert.Equal(200, sent.Count);
        Assert.All(sent, pair => Assert.Equal(1, pair.Value));
        Assert.Contains(app.Sandbox.State.SentMessages(), m => m.AccessKeyId == Backup);
        Assert.Contains(app.Sandbox.State.SentMessages(), m => m.AccessKeyId == Primary);
    }

    [Fact]
    public async Task AllMarketingAccountsDownSendsEverythingLeftToTheDeadLetterQueueWithTheReason()
    {
        await using var app = await CampaignApp.StartAsync(settings: SlowSettings());
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("all-down", Recipients(200)))).StatusCode);

        await WaitUntilAsync(() => app.Sandbox.State.SentMessages().Count >= 20, TimeSpan.FromSeconds(60), "the first sends");
        PauseInSandbox(app, Backup);
        PauseInSandbox(app, Primary);
        var view = await app.WaitForCampaignAsync("all-down", TimeSpan.FromSeconds(120));

        var report = view.GetProperty("report");
        var sent = report.GetProperty("sent").GetInt64();
        var deadLettered = report.GetProperty("deadLettered").GetInt64();
        Assert.Equal("dead-lettered", report.GetProperty("status").GetString());
        Assert.Equal(200, sent + deadLettered);
        Assert.Equal(sent, app.SentAddresses().Count);
        Assert.All(app.SentAddresses(), pair => Assert.Equal(1, pair.Value));

        var letters = await ReadDeadLettersAsync(app);
        var addresses = letters.SelectMany(l => l.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()!)).ToList();
        Assert.Equal(deadLettered, addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(addresses.Intersect(app.SentAddresses().Keys, StringComparer.OrdinalIgnoreCase));
        Assert.All(letters, l => Assert.False(string.IsNullOrWhiteSpace(l.GetProperty("reason").GetString())));
        Assert.All(letters, l => Assert.Equal("all-down", l.GetProperty("campaignId").GetString()));
    }

    private static async Task<List<JsonElement>> ReadDeadLettersAsync(CampaignApp app)
    {
        var sqs = app.App.Services.GetRequiredService<MailAccounts>().Sqs("marketing-primary");
        var url = (await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = new MailOptions().DeadLetterQueueName })).QueueUrl!;
        var letters = new List<JsonElement>();
        while (true)
        {
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, VisibilityTimeout = 300 });
            if (received.Messages.Count == 0) return letters;
            letters.AddRange(received.Messages.Select(m => JsonSerializer.Deserialize<JsonElement>(m.Body!)));
        }
    }
}
