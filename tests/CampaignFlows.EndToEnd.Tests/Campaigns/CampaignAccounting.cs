using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.EndToEnd.Tests.Fixtures;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

public sealed class CampaignAccounting
{
    private static object Campaign(string id, IEnumerable<object> recipients) => new
    {
        id,
        from = "news@shop.example",
        template = new { subject = "Hello {{name}}", html = "<p>Hi {{name}}, {{offer}}</p>", text = "Hi {{name}}, {{offer}}" },
        recipients,
    };

    private static IEnumerable<object> Recipients(int count, string domain = "example.com") =>
        Enumerable.Range(1, count).Select(i => new { email = $"user{i}@{domain}", name = $"User {i}", data = new { offer = $"code-{i}" } });

    [Fact]
    public async Task EveryRecipientIsSentExactlyOnce()
    {
        await using var app = await CampaignApp.StartAsync();
        var recipients = Recipients(200).Concat([
            new { email = "USER1@example.com", name = "dup", data = new { offer = "x" } },
            new { email = "success@simulator.amazonses.com", name = "sim", data = new { offer = "x" } },
        ]).ToArray();

        var response = await app.PostCampaignAsync(Campaign("accounting", recipients));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var view = await app.WaitForCampaignAsync("accounting", TimeSpan.FromSeconds(90));
        Assert.Equal("Completed", view.GetProperty("runtimeStatus").GetString());
        var report = view.GetProperty("report");
        Assert.Equal(202, report.GetProperty("audience").GetInt64());
        Assert.Equal(201, report.GetProperty("unique").GetInt64());
        Assert.Equal(1, report.GetProperty("duplicates").GetInt64());
        Assert.Equal(201, report.GetProperty("sent").GetInt64());

        var sent = app.SentAddresses();
        Assert.Equal(201, sent.Count);
        Assert.All(sent, pair => Assert.Equal(1, pair.Value));
    }

    [Fact]
    public async Task DoubleSubmitStartsOneCampaign()
    {
        await using var app = await CampaignApp.StartAsync();
        var body = new
        {
            from = "news@shop.example",
            template = new { subject = "Sale", text = "Hi {{name}}" },
            recipients = Recipients(20),
        };
        var first = await app.PostCampaignAsync(body, idempotencyKey: "sale-2026-11");
        var second = await app.PostCampaignAsync(body, idempotencyKey: "sale-2026-11");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(firstId, secondId);

        await app.WaitForCampaignAsync(firstId, TimeSpan.FromSeconds(60));
        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/campaigns");
        Assert.Single(list.EnumerateArray());
        Assert.Equal(20, app.SentAddresses().Count);
        Assert.All(app.SentAddresses(), pair => Assert.Equal(1, pair.Value));
    }
}
