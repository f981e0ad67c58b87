using System.Net;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

/// <summary>An account shared by marketing and transactional mail nearing its 24-hour quota keeps the rest for transactional.</summary>
public sealed class QuotaHold
{
    private static Dictionary<string, string?> SharedAccountWithSmallQuota() => new()
    {
        ["Mail:WaveBatches"] = "2",
        ["Mail:Accounts:0:Max24HourSend"] = "1000",
        ["Mail:Accounts:0:MaxSendRate"] = "400",
        ["Mail:Accounts:0:Streams:1"] = "transactional",
        ["Mail:HealthGate:QuotaHoldRecheck"] = "00:10:00",
    };

    [Fact]
    public async Task MarketingIsHeldAtNinetyPercentOfASharedQuotaAndCancellingItLosesNobody()
    {
        await using var app = await CampaignApp.StartAsync(settings: SharedAccountWithSmallQuota());
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("held", Recipients(1_500)))).StatusCode);

        var held = await app.WaitForCampaignAsync("held", TimeSpan.FromSeconds(120), view => State(view) == "held");
        var reason = held.GetProperty("progress").GetProperty("reason").GetString();
        Assert.Contains("holding stream 'marketing'", reason);
        var sentWhenHeld = app.SentAddresses().Count;
        Assert.InRange(sentWhenHeld, 900, 1000);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(sentWhenHeld, app.SentAddresses().Count);

        Assert.Equal(HttpStatusCode.Accepted, (await CommandAsync(app, "held", "cancel")).StatusCode);
        var view = await app.WaitForCampaignAsync("held", TimeSpan.FromSeconds(60));

        var report = view.GetProperty("report");
        Assert.Equal("cancelled", report.GetProperty("status").GetString());
        Assert.Equal(sentWhenHeld, report.GetProperty("sent").GetInt64());
        Assert.Equal(1_500, report.GetProperty("sent").GetInt64() + report.GetProperty("blocked").GetInt64());
        Assert.All(app.SentAddresses(), pair => Assert.Equal(1, pair.Value));
    }
}
