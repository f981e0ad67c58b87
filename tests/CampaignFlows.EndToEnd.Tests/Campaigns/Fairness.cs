using System.Net;
using CampaignFlows.Activities;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using CampaignFlows.Sandbox;
using Xunit.Abstractions;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

/// <summary>Two campaigns on one account share its rate by their priority weights, and a survivor takes it all.</summary>
public sealed class Fairness(ITestOutputHelper output)
{
    private const string Primary = "AKIDMARKETINGPRIMARY";
    private const double Rate = 100;
    private const int Audience = 1_000;

    /// <summary>A low account rate and waves of many batches, so both campaigns keep work queued the whole time they overlap.</summary>
    private static Dictionary<string, string?> Settings() => new()
    {
        ["Mail:WaveBatches"] = "20",
        ["Mail:Accounts:0:MaxSendRate"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static object WeightedCampaign(string id, string domain, int weight) => new
    {
        id,
        from = "news@shop.example",
        template = new { subject = "Hello {{name}}", text = "Hi {{name}}, {{offer}}" },
        recipients = Recipients(Audience, domain),
        priorityWeight = weight,
    };

    [Fact]
    public async Task TwoCampaignsWeightedNineToOneShareTheAccountByWeightAndTheSurvivorTakesTheWholeRate()
    {
        await using var app = await CampaignApp.StartAsync(o => o.Accounts[Primary] = o.Accounts[Primary] with { MaxSendRate = Rate }, Settings());

        var posts = await Task.WhenAll(app.PostCampaignAsync(WeightedCampaign("fair-heavy", "heavy.example", 9)),
            app.PostCampaignAsync(WeightedCampaign("fair-light", "light.example", 1)));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Accepted, p.StatusCode));
        var views = await Task.WhenAll(app.WaitForCampaignAsync("fair-heavy", TimeSpan.FromSeconds(180)),
            app.WaitForCampaignAsync("fair-light", TimeSpan.FromSeconds(180)));

        Assert.All(views, v => Assert.Equal("Completed", v.GetProperty("runtimeStatus").GetString()));
        Assert.All(views, v => Assert.Equal(Audience, v.GetProperty("report").GetProperty("sent").GetInt64()));
        var sent = app.SentAddresses();
        Assert.Equal(2 * Audience, sent.Count);
        Assert.All(sent, pair => Assert.Equal(1, pair.Value));

        var log = app.Sandbox.State.SentMessages();
        var heavy = Times(log, "fair-heavy");
        var light = Times(log, "fair-light");
        var (from, to) = (Max(heavy[0], light[0]), heavy[^1]);
        var heavyShared = heavy.Count(t => t >= from && t <= to);
        var lightShared = light.Count(t => t >= from && t <= to);
        var share = (double)heavyShared / (heavyShared + lightShared);
        var sharedRate = (heavyShared + lightShared) / Seconds(from, to);
        var alone = light.Where(t => t > to).ToArray();
        var aloneRate = alone.Length > 1 ? (alone.Length - 1) / Seconds(alone[0], alone[^1]) : 0;
        output.WriteLine($"shared window {Seconds(from, to):F1} s: heavy {heavyShared}, light {lightShared}, heavy share {share:P1}, " +
            $"{sharedRate:F1}/s together; light alone afterwards: {alone.Length} in {(alone.Length > 1 ? Seconds(alone[0], alone[^1]) : 0):F1} s, {aloneRate:F1}/s");

        Assert.True(Seconds(from, to) >= 5, $"the campaigns overlapped for only {Seconds(from, to):F1} s, too short to measure a share");
        Assert.InRange(share, 0.8, 0.97);
        Assert.True(alone.Length >= Audience / 2, $"the light campaign sent only {alone.Length} after the heavy one finished");
        Assert.True(aloneRate >= 0.8 * sharedRate,
            $"alone the light campaign sent {aloneRate:F1}/s, less than the {sharedRate:F1}/s both sent together: it did not take the whole rate");
    }

    private static DateTimeOffset[] Times(IReadOnlyList<SentMessage> log, string campaign) =>
        [.. log.Where(m => m.Tags.GetValueOrDefault(SendBulkEmail.CampaignTag) == campaign).SelectMany(m => m.To.Select(_ => m.Timestamp)).Order()];

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static double Seconds(DateTimeOffset from, DateTimeOffset to) => Math.Max(0.001, (to - from).TotalSeconds);
}
