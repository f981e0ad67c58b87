using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Data.State;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.EndToEnd.Tests.Messages;

public sealed class TransactionalMail
{
    private static object Reset(string to, string code = "123456", string template = "password-reset") => new
    {
        template = new { name = template, subject = "Your code", text = "Your code is {{code}}", html = "<p>Your code is <b>{{code}}</b></p>" },
        to,
        data = new { code },
    };

    private static Task<HttpResponseMessage> PostAsync(CampaignApp app, object body) => app.Client.PostAsJsonAsync("/api/messages", body);

    private static async Task<JsonElement> BodyOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static HttpRequestMessage Admin(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", CampaignApp.MasterKey);
        return request;
    }

    [Fact]
    public async Task MessageIsSentOnceOnTheTransactionalAccount()
    {
        await using var app = await CampaignApp.StartAsync();
        var response = await PostAsync(app, Reset("alice@example.com"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await BodyOf(response);
        Assert.Equal("sent", answer.GetProperty("status").GetString());
        Assert.Equal("transactional", answer.GetProperty("account").GetString());
        var sent = Assert.Single(app.Sandbox.State.SentMessages());
        Assert.Equal(answer.GetProperty("messageId").GetString(), sent.MessageId);
        Assert.Equal(["alice@example.com"], sent.To);
        Assert.Equal("AKIDTRANSACTIONAL", sent.AccessKeyId);
    }

    [Fact]
    public async Task RepeatsWithinTheWindowGetTheFirstAnswerAlsoWhileInFlight()
    {
        await using var app = await CampaignApp.StartAsync(sandbox => sandbox.Accounts["AKIDTRANSACTIONAL"] = sandbox.Accounts["AKIDTRANSACTIONAL"] with { LatencyMilliseconds = 500 });
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(app, Reset("bob@example.com"))));
        var later = await PostAsync(app, Reset("bob@example.com"));
        var reordered = await PostAsync(app, new { to = "BOB@example.com", data = new { code = "123456" }, template = new { html = "<p>Your code is <b>{{code}}</b></p>", text = "Your code is {{code}}", subject = "Your code", name = "password-reset" } });

        var ids = new List<string>();
        foreach (var response in concurrent.Append(later).Append(reordered))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add((await BodyOf(response)).GetProperty("messageId").GetString()!);
        }
        Assert.Single(ids.Distinct());
        Assert.Equal(5, concurrent.Append(later).Append(reordered).Count(r => r.Headers.Contains("Debounced")));
        Assert.Equal(1, app.SentAddresses()["bob@example.com"]);

        var otherData = await PostAsync(app, Reset("bob@example.com", code: "654321"));
        Assert.Equal(HttpStatusCode.OK, otherData.StatusCode);
        Assert.Equal(2, app.SentAddresses()["bob@example.com"]);
    }

    [Fact]
    public async Task RepeatAfterTheWindowIsSentAgain()
    {
        await using var app = await CampaignApp.StartAsync(settings: new Dictionary<string, string?> { ["Messages:DebounceWindow"] = "00:00:00.300" });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Reset("carol@example.com"))).StatusCode);
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Reset("carol@example.com"))).StatusCode);
        Assert.Equal(2, app.SentAddresses()["carol@example.com"]);
    }

    [Fact]
    public async Task KillSwitchRefusesAtOnceAndReallows()
    {
        await using var app = await CampaignApp.StartAsync();
        var block = Admin(HttpMethod.Put, "/api/templates/password-reset/block");
        block.Content = JsonContent.Create(new { reason = "leaking codes" });
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(block)).StatusCode);

        var refused = await PostAsync(app, Reset("dave@example.com"));
        Assert.Equal((HttpStatusCode)423, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("password-reset", problem, StringComparison.Ordinal);
        Assert.Contains("leaking codes", problem, StringComparison.Ordinal);
        Assert.Empty(app.Sandbox.State.SentMessages());

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.SendAsync(Admin(HttpMethod.Delete, "/api/templates/password-reset/block"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Reset("dave@example.com"))).StatusCode);
        Assert.Single(app.Sandbox.State.SentMessages());
    }

    [Fact]
    public async Task BlockingWithAFunctionKeyIsForbidden()
    {
        await using var app = await CampaignApp.StartAsync();
        var response = await app.Client.PutAsync("/api/templates/password-reset/block", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task VerifiedOnlyTemplateGoesOnlyToVerifiedAddresses()
    {
        await using var app = await CampaignApp.StartAsync(settings: new Dictionary<string, string?> { ["Messages:VerifiedOnlyTemplates:0"] = "password-reset" });
        var refused = await PostAsync(app, Reset("erin@example.com"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("not a verified address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Sandbox.State.SentMessages());

        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Admin(HttpMethod.Put, "/api/messages/verified/erin@example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Reset("erin@example.com"))).StatusCode);
    }

    [Fact]
    public async Task AllTransactionalAccountsDownDeadLettersWithTheReason()
    {
        await using var app = await CampaignApp.StartAsync(sandbox => sandbox.Accounts["AKIDTRANSACTIONAL"] = sandbox.Accounts["AKIDTRANSACTIONAL"] with { SendingPaused = true });
        var response = await PostAsync(app, Reset("frank@example.com"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await BodyOf(response);
        Assert.Equal("dead-lettered", answer.GetProperty("status").GetString());
        Assert.Contains("transactional", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(app.Sandbox.State.SentMessages());
        var letters = await app.App.Services.GetRequiredService<IDeadLetterLog>().ListAsync(null, 10);
        var letter = Assert.Single(letters);
        Assert.Equal("frank@example.com", letter.Address);
        Assert.Equal(answer.GetProperty("reason").GetString(), letter.Reason);
    }

    [Theory]
    [InlineData("eve@example.com\r\nBcc: victim@example.com", "to")]
    [InlineData("\"Support\" <eve@example.com>", "to")]
    [InlineData("not-an-address", "to")]
    public async Task BadAddressesAreRefusedAndNothingIsSent(string to, string field)
    {
        await using var app = await CampaignApp.StartAsync();
        var response = await PostAsync(app, Reset(to));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{field}'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Sandbox.State.SentMessages());
    }

    [Fact]
    public async Task UnknownTemplateAndMissingVariablesAreRefused()
    {
        await using var app = await CampaignApp.StartAsync();
        var unknown = await PostAsync(app, new { template = "no-such-template", to = "gina@example.com", data = new { code = "1" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("no-such-template", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var missing = await PostAsync(app, new { template = new { name = "order", subject = "Order {{order}}", text = "Total {{total}}" }, to = "gina@example.com", data = new { order = "42" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("total", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Sandbox.State.SentMessages());
    }

    [Fact]
    public async Task PerClientRateLimitAnswers429WithProblemDetails()
    {
        await using var app = await CampaignApp.StartAsync(settings: new Dictionary<string, string?> { ["Messages:ClientPermitLimit"] = "2" });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Reset("h1@example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Reset("h2@example.com"))).StatusCode);
        var limited = await PostAsync(app, Reset("h3@example.com"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, app.Sandbox.State.SentMessages().Count);
    }
}
