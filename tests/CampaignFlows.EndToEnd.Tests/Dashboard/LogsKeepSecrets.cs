using System.Net;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.EndToEnd.Tests.Dashboard;

/// <summary>Every log line of a campaign run, at debug level, is free of keys, the SES secret and recipient addresses, and runs within a scope naming its instance.</summary>
public sealed class LogsKeepSecrets
{
    private const string SesSecret = "sandbox-secret";

    [Fact]
    public async Task CampaignRunLogsNoKeysSecretsOrRecipientAddresses()
    {
        await using var app = await CampaignApp.StartAsync(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        var logs = new CapturedLogs();
        app.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        var recipients = Enumerable.Range(1, 120).Select(i => $"private.person{i}@mailbox{i % 4}.example").ToArray();

        var response = await app.PostCampaignAsync(new
        {
            id = "quiet-logs",
            from = "news@shop.example",
            template = new { subject = "Hello {{name}}", text = "Hi {{name}}" },
            recipients = recipients.Select(r => new { email = r, name = "Someone" }).Append(new { email = "not-an-address", name = "Bad row" }),
            badRows = "skip",
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await app.WaitForCampaignAsync("quiet-logs", TimeSpan.FromSeconds(120));
        using (var byQuery = new HttpClient { BaseAddress = app.Url })
        {
            Assert.Equal(HttpStatusCode.OK, (await byQuery.GetAsync($"/api/dashboard/accounts?code={CampaignApp.FunctionKey}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await byQuery.GetAsync($"/api/campaigns?code=wrong-{CampaignApp.MasterKey}")).StatusCode);
        }

        var lines = logs.Lines;
        Assert.NotEmpty(lines);
        var forbidden = new[] { CampaignApp.MasterKey, CampaignApp.FunctionKey, SesSecret }.Concat(recipients);
        var leaks = lines.SelectMany(line => forbidden.Where(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(secret => $"{secret} in: {line}"))
            .Take(10).ToList();
        Assert.True(leaks.Count == 0, "Logs leaked secrets or addresses:\n" + string.Join("\n", leaks));
        // What is logged names the instance: the engine opens a scope around every episode and activity.
        Assert.Contains(lines, line => line.Contains("scope: InstanceId=quiet-logs; Orchestration=CampaignOrchestrator", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("scope: InstanceId=quiet-logs:", StringComparison.Ordinal) && line.Contains("Activity=SendBulkEmail", StringComparison.Ordinal));
    }
}
