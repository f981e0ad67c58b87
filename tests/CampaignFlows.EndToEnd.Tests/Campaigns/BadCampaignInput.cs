using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignFlows.Campaigns;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

/// <summary>Every kind of bad request is refused with ProblemDetails naming the problem, and nothing starts or sends.</summary>
public sealed class BadCampaignInput : IAsyncLifetime
{
    private CampaignApp app = null!;

    public async Task InitializeAsync() => app = await CampaignApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<JsonElement> RefusedAsync(HttpResponseMessage response, int status, string mentions)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status} but got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.MediaType ?? "");
        Assert.Contains(mentions, body, StringComparison.OrdinalIgnoreCase);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private async Task AssertNothingStartedAsync()
    {
        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/campaigns");
        Assert.Empty(list.EnumerateArray());
        Assert.Empty(app.Sandbox.State.SentMessages());
    }

    [Fact]
    public async Task MalformedJsonIsRefused()
    {
        var response = await app.Client.PostAsync("/api/campaigns", new StringContent("{ \"from\": \"news@shop.example\", ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task AddressWithLineBreakIsRefusedWithItsPosition()
    {
        var recipients = Recipients(3).Append(new { email = "victim@example.com\r\nBcc: everyone@example.com", name = "x", data = new { offer = "o" } });
        await RefusedAsync(await app.PostCampaignAsync(Campaign("crlf", recipients)), 422, "recipient 4");
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task DisplayNameTrickIsRefused()
    {
        var recipients = Recipients(2).Append(new { email = "\"ceo@shop.example\" <attacker@evil.example>", name = "x", data = new { offer = "o" } });
        await RefusedAsync(await app.PostCampaignAsync(Campaign("display-name", recipients)), 422, "recipient 3");
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task UnknownSesTemplateIsRefused()
    {
        await RefusedAsync(await app.PostCampaignAsync(Campaign("no-template", Recipients(2), new { name = "NoSuchTemplate" })), 422, "NoSuchTemplate");
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task MissingTemplateVariableIsRefused()
    {
        var recipients = Recipients(2).Append(new { email = "nooffer@example.com", name = "x", data = new { other = "o" } });
        await RefusedAsync(await app.PostCampaignAsync(Campaign("missing-var", recipients)), 422, "offer");
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task CsvAudienceWithBadRowsIsRefusedWithLineNumbersOrSentWithoutThemWhenAsked()
    {
        var csv = "email,name,offer\nok1@example.com,One,a\nnot-an-address,Two,b\nok2@example.com,Three,c\nbad@@example.com,Four,d\n";
        var store = app.App.Services.GetRequiredService<AudienceStore>();
        await store.SaveAsync("bad-rows.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), CancellationToken.None);
        var body = new { id = "csv-refused", from = "news@shop.example", template = new { subject = "Hi {{name}}", text = "{{offer}}" }, audienceBlob = "bad-rows.csv" };

        var refused = await RefusedAsync(await app.PostCampaignAsync(body), 422, "line 3");
        Assert.Contains("line 5", refused.GetProperty("detail").GetString());
        await AssertNothingStartedAsync();

        var skipping = new { id = "csv-skipped", from = "news@shop.example", template = new { subject = "Hi {{name}}", text = "{{offer}}" }, audienceBlob = "bad-rows.csv", badRows = "skip" };
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(skipping)).StatusCode);
        var view = await app.WaitForCampaignAsync("csv-skipped", TimeSpan.FromSeconds(60));
        var report = view.GetProperty("report");
        Assert.Equal(2, report.GetProperty("sent").GetInt64());
        Assert.Equal(2, report.GetProperty("rejected").GetInt64());
        Assert.Equal(["ok1@example.com", "ok2@example.com"], app.SentAddresses().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownCampaignIsNotFound()
    {
        await RefusedAsync(await app.Client.GetAsync("/api/campaigns/nobody-knows"), 404, "nobody-knows");
        await RefusedAsync(await CommandAsync(app, "nobody-knows", "pause"), 404, "nobody-knows");
    }

    [Fact]
    public async Task PausingAFinishedCampaignIsAConflict()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("finished", Recipients(3)))).StatusCode);
        await app.WaitForCampaignAsync("finished", TimeSpan.FromSeconds(60));
        await RefusedAsync(await CommandAsync(app, "finished", "pause"), 409, "finished");
        Assert.Equal(3, app.SentAddresses().Count);
    }
}
