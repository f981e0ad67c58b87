using System.Net;
using System.Net.Http.Json;
using CampaignFlows.Campaigns;
using CampaignFlows.Reliability.Tests.Fixtures;

namespace CampaignFlows.Reliability.Tests.Security;

public sealed class SecretRedaction
{
    private const string AwsSecret = "rel-aws-secret-Zq81xWv";

    [Fact]
    public async Task LogsOfACampaignRunNeverContainTheKeysOrTheAwsSecret()
    {
        var settings = new Dictionary<string, string?> { ["Aws:SecretAccessKey"] = AwsSecret };
        for (var i = 0; i < EmbeddedSandbox.Accounts.Count; i++) settings[$"{MailOptions.Section}:Accounts:{i}:SecretAccessKey"] = AwsSecret;
        await using var app = await InProcessApp.StartAsync(settings);
        using var client = app.Client();
        var post = await client.PostAsJsonAsync("/api/campaigns", CampaignBodies.Campaign("redaction", CampaignBodies.Recipients(60)));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        using var byQuery = app.Client(key: null);
        await byQuery.GetAsync($"/api/campaigns/redaction?code={HostSettings.FunctionKey}");
        await byQuery.GetAsync($"/runtime/webhooks/durabletask/instances?code={HostSettings.MasterKey}");
        await byQuery.PostAsJsonAsync($"/api/messages?code={HostSettings.FunctionKey}", new { to = "x@y.example", from = "a@b.example", subject = "s", text = "t" });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline && app.Sandbox.State.SentMessages().Sum(m => m.To.Count) < 60) await Task.Delay(100);
        Assert.Equal(60, app.Sandbox.State.SentMessages().Sum(m => m.To.Count));

        var logs = app.Logs.ToList();
        Assert.NotEmpty(logs);
        foreach (var secret in new[] { AwsSecret, HostSettings.MasterKey, HostSettings.FunctionKey })
        {
            var leaks = logs.Where(l => l.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"a secret appears in {leaks.Count} log lines, e.g.: {leaks.FirstOrDefault()}");
        }
    }
}
