using System.Net;
using CampaignFlows.Campaigns;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

/// <summary>Accounts slower than a full SES batch: new accounts start at 1 mail/s, and SES may throttle below the quota.</summary>
public sealed class SlowAccounts
{
    private const string Primary = "AKIDMARKETINGPRIMARY";

    private static Dictionary<string, string?> Settings(double rate) => new()
    {
        ["Mail:WaveBatches"] = "4",
        ["Mail:Accounts:0:MaxSendRate"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static void SetSandboxRate(CampaignApp app, double rate) =>
        app.Sandbox.State.GetAccount(Primary, EmbeddedSandbox.Region).Update(o => o with { MaxSendRate = rate });

    [Fact]
    public async Task ACampaignOnAnAccountSlowerThanOneBatchSendsEverybodyOnceWithinTheRate()
    {
        await using var app = await CampaignApp.StartAsync(o => o.Accounts[Primary] = o.Accounts[Primary] with { MaxSendRate = 7 }, Settings(7));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("slow-account", Recipients(60)))).StatusCode);

        var view = await app.WaitForCampaignAsync("slow-account", TimeSpan.FromSeconds(120));

        var report = view.GetProperty("report");
        Assert.Equal("Completed", view.GetProperty("runtimeStatus").GetString());
        Assert.Equal(60, report.GetProperty("sent").GetInt64());
        // Calls fit the rate, so SES takes them; a throttle or two can come from calls whose arrival jitters closer together than their dispatch.
        Assert.InRange(report.GetProperty("throttles").GetInt64(), 0, 3);
        Assert.All(app.SentAddresses(), pair => Assert.Equal(1, pair.Value));
    }

    [Fact]
    public async Task AThrottleStormBelowTheConfiguredRateSpendsNoAttemptsAndLosesNobody()
    {
        await using var app = await CampaignApp.StartAsync(settings: Settings(1_000));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("storm", Recipients(400)))).StatusCode);
        // Once the campaign is sending at the rate the app read from SES (its first read of the quota runs in the background
        // as the host starts, so changing the rate before any send could be read first and no storm would come), SES
        // allows far less without saying so until asked again.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (app.SentAddresses().Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        SetSandboxRate(app, 15);

        var view = await app.WaitForCampaignAsync("storm", TimeSpan.FromSeconds(150));

        var report = view.GetProperty("report");
        Assert.Equal("Completed", view.GetProperty("runtimeStatus").GetString());
        Assert.Equal(400, report.GetProperty("sent").GetInt64());
        Assert.Equal(0, report.GetProperty("failed").GetInt64());
        Assert.True(report.GetProperty("throttles").GetInt64() > 0, "the sandbox throttled nothing: the storm did not happen");
        var sent = app.SentAddresses();
        Assert.Equal(400, sent.Count);
        Assert.All(sent, pair => Assert.Equal(1, pair.Value));
    }
}
