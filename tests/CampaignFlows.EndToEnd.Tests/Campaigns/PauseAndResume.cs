using System.Net;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

public sealed class PauseAndResume
{
    [Fact]
    public async Task PauseThenResumeSendsEverybodyOnceAndNobodyTwice()
    {
        await using var app = await CampaignApp.StartAsync(settings: SlowSettings());
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("pause-resume", Recipients(200)))).StatusCode);

        await WaitUntilAsync(() => app.Sandbox.State.SentMessages().Count >= 20, TimeSpan.FromSeconds(60), "the first sends");
        Assert.Equal(HttpStatusCode.Accepted, (await CommandAsync(app, "pause-resume", "pause")).StatusCode);
        var paused = await app.WaitForCampaignAsync("pause-resume", TimeSpan.FromSeconds(60), v => State(v) == "paused");
        Assert.Equal("Running", paused.GetProperty("runtimeStatus").GetString());

        var sentWhilePaused = app.SentAddresses().Count;
        Assert.InRange(sentWhilePaused, 20, 199);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(sentWhilePaused, app.SentAddresses().Count);

        Assert.Equal(HttpStatusCode.Accepted, (await CommandAsync(app, "pause-resume", "resume")).StatusCode);
        var view = await app.WaitForCampaignAsync("pause-resume", TimeSpan.FromSeconds(120));
        Assert.Equal("Completed", view.GetProperty("runtimeStatus").GetString());
        var report = view.GetProperty("report");
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(200, report.GetProperty("sent").GetInt64());

        var sent = app.SentAddresses();
        Assert.Equal(200, sent.Count);
        Assert.All(sent, pair => Assert.Equal(1, pair.Value));
    }

    [Fact]
    public async Task CancelRecordsTheRestAsBlockedAndTheCountsAddUp()
    {
        await using var app = await CampaignApp.StartAsync(settings: SlowSettings());
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("cancelled", Recipients(200)))).StatusCode);

        await WaitUntilAsync(() => app.Sandbox.State.SentMessages().Count >= 20, TimeSpan.FromSeconds(60), "the first sends");
        Assert.Equal(HttpStatusCode.Accepted, (await CommandAsync(app, "cancelled", "cancel")).StatusCode);
        var view = await app.WaitForCampaignAsync("cancelled", TimeSpan.FromSeconds(60));

        Assert.Equal("Completed", view.GetProperty("runtimeStatus").GetString());
        var report = view.GetProperty("report");
        Assert.Equal("cancelled", report.GetProperty("status").GetString());
        var sent = report.GetProperty("sent").GetInt64();
        var blocked = report.GetProperty("blocked").GetInt64();
        Assert.InRange(sent, 20, 199);
        Assert.Equal(200, sent + blocked + report.GetProperty("failed").GetInt64() + report.GetProperty("deadLettered").GetInt64()
            + report.GetProperty("suppressed").GetInt64());
        Assert.Equal(sent, app.SentAddresses().Count);
        Assert.All(app.SentAddresses(), pair => Assert.Equal(1, pair.Value));

        var again = await CommandAsync(app, "cancelled", "pause");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
