using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Reliability.Tests.Fixtures;

namespace CampaignFlows.Reliability.Tests.Security;

/// <summary>
/// The per-client limit on <c>POST /api/messages</c> beyond the end-to-end check (429 with ProblemDetails): it is per
/// client (another key keeps its own allowance), a refused request sends nothing, and a second key in the query does
/// not buy a fresh allowance.
/// </summary>
public sealed class MessageRateLimit
{
    private const string SecondKey = "reliability-second-client-key-5be0";

    private static object Message(string to) => new
    {
        template = new { name = "password-reset", subject = "Your code", text = "Your code is {{code}}" },
        to,
        data = new { code = "123456" },
    };

    [Fact]
    public async Task EachClientHasItsOwnAllowanceAndRefusedRequestsSendNothing()
    {
        await using var app = await InProcessApp.StartAsync(new Dictionary<string, string?>
        {
            ["Messages:ClientPermitLimit"] = "2",
            ["FunctionKeys:second"] = SecondKey,
        });
        using var first = app.Client();
        using var second = app.Client(SecondKey);

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/messages", Message("r1@example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/messages", Message("r2@example.com"))).StatusCode);
        var limited = await first.PostAsJsonAsync("/api/messages", Message("r3@example.com"));
        var dodged = await first.PostAsJsonAsync($"/api/messages?code={SecondKey}", Message("r4@example.com"));
        var other = await second.PostAsJsonAsync("/api/messages", Message("r5@example.com"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, dodged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var sentTo = app.Sandbox.State.SentMessages().SelectMany(m => m.To).Order().ToList();
        Assert.Equal(["r1@example.com", "r2@example.com", "r5@example.com"], sentTo);
    }
}
