using System.Net;
using CampaignFlows.Campaigns;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

public sealed class BounceStorm
{
    [Fact]
    public async Task BounceStormPausesTheCampaignBeforeTheSandboxPausesTheAccount()
    {
        await using var app = await CampaignApp.StartAsync(
            sandbox: o => o.Domains["bouncy.example"] = new() { BounceProbability = 0.3 },
            settings: SlowSettings(rate: 15));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("bounce-storm", Recipients(400, "bouncy.example")))).StatusCode);

        var paused = await app.WaitForCampaignAsync("bounce-storm", TimeSpan.FromSeconds(120), v => State(v) == "paused");

        var reason = paused.GetProperty("progress").GetProperty("reason").GetString();
        Assert.Contains("bounce", reason, StringComparison.OrdinalIgnoreCase);
        var account = app.Sandbox.State.GetAccount("AKIDMARKETINGPRIMARY", EmbeddedSandbox.Region);
        Assert.True(account.SendingEnabled);
        Assert.NotEqual("SHUTDOWN", account.GetStatistics().EnforcementStatus);
        Assert.InRange(app.SentAddresses().Count, 100, 399);

        Assert.Equal(HttpStatusCode.Accepted, (await CommandAsync(app, "bounce-storm", "cancel")).StatusCode);
        var report = (await app.WaitForCampaignAsync("bounce-storm", TimeSpan.FromSeconds(60))).GetProperty("report");
        Assert.Equal("cancelled", report.GetProperty("status").GetString());
        Assert.True(report.GetProperty("bounced").GetInt64() > 0, $"expected bounces in {report}");
        Assert.All(app.SentAddresses(), pair => Assert.Equal(1, pair.Value));
    }
}
