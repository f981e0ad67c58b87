using System.Net;
using System.Net.Http.Json;
using System.Text;
using CampaignFlows.Campaigns;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.EndToEnd.Tests.Dashboard;

/// <summary>The app with a slow campaign in progress and a warm-up scheduled, for the dashboard scenarios.</summary>
internal static class DashboardScenario
{
    public const string CampaignId = "dashboard-sale";
    public const string WarmupIp = "198.51.100.7";
    public const string WarmupId = "warmup-" + WarmupIp;
    public const string AudienceBlob = "dashboard-warmup.csv";
    public static readonly string[] Domains = ["gmail.com", "outlook.com", "yahoo.com"];

    /// <summary>Sends slowly (60 mails/s) in waves of two batches so a browser sees progress move, and gives the sandbox a dedicated IP to warm.</summary>
    public static Task<CampaignApp> StartAppAsync() => CampaignApp.StartAsync(
        sandbox =>
        {
            foreach (var key in sandbox.Accounts.Keys.ToList())
                sandbox.Accounts[key] = sandbox.Accounts[key] with { MaxSendRate = 60, DedicatedIps = [.. sandbox.Accounts[key].DedicatedIps, WarmupIp] };
        },
        new Dictionary<string, string?>
        {
            ["Mail:BatchSize"] = "10",
            ["Mail:WaveBatches"] = "2",
            ["Mail:Accounts:0:MaxSendRate"] = "60",
            ["Mail:Accounts:1:MaxSendRate"] = "60",
        });

    public static async Task StartCampaignAsync(CampaignApp app, int recipients)
    {
        var response = await app.PostCampaignAsync(new
        {
            id = CampaignId,
            from = "news@shop.example",
            template = new { subject = "Sale for {{name}}", text = "Hi {{name}}" },
            recipients = Enumerable.Range(1, recipients).Select(i => new { email = $"buyer{i}@{Domains[i % Domains.Length]}", name = $"Buyer {i}" }),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Starting the campaign answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Starts a warm-up whose day 1 is tomorrow: its plan is there to draw, and nothing sends during the test.</summary>
    public static async Task StartWarmupAsync(CampaignApp app)
    {
        var logs = new CapturedLogs();
        app.App.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().AddProvider(logs);
        var csv = new StringBuilder("email,name,engagement_score\n");
        for (var i = 1; i <= 50; i++) csv.Append(FormattableString.Invariant($"fan{i}@gmail.com,Fan {i},{40 + i}\n"));
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())))
            await app.App.Services.GetRequiredService<AudienceStore>().SaveAsync(AudienceBlob, stream, CancellationToken.None);
        var response = await app.Client.PostAsJsonAsync("/api/warmups", new
        {
            ip = WarmupIp,
            targetDailyVolume = 100_000,
            audience = AudienceBlob,
            startDate = DateTimeOffset.UtcNow.AddDays(1),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Starting the warm-up answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n"
            + string.Join("\n", logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal))));
    }

    /// <summary>Polls until <paramref name="condition"/> holds; a generous deadline keeps it reliable on a loaded machine.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = await read();
        while (!condition(value))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} did not happen within {timeout}; last value: {value}");
            await Task.Delay(250);
            value = await read();
        }
        return value;
    }
}
