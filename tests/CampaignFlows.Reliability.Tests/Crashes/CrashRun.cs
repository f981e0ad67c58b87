using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Campaigns;
using CampaignFlows.Reliability.Tests.Fixtures;
using CampaignFlows.Sandbox;

namespace CampaignFlows.Reliability.Tests.Crashes;

/// <summary>The outcome of one campaign run through SIGKILLs: what the sandbox saw and what the app reported.</summary>
public sealed record CrashOutcome(int Kills, int Audience, int Lost, int Duplicates, IReadOnlyList<double> RecoverSeconds, JsonElement Report, double Seconds);

/// <summary>
/// Runs one campaign in a child host and SIGKILLs it at seeded random moments while it sends, restarting it each
/// time; the sandbox (in this process, so it survives the kills) keeps the sent log that is the truth for "sent".
/// </summary>
public static class CrashRun
{
    public static async Task<CrashOutcome> RunAsync(int audience, int kills, int seed, string? postgres, TimeSpan deadline)
    {
        var options = EmbeddedSandbox.CreateOptions();
        options.EventDelayMilliseconds = 20;
        options.MessageLogCapacity = audience * 2;
        await using var sandbox = await SandboxHost.StartAsync(options);
        var root = HostSettings.CreateContentRoot();
        var started = DateTime.UtcNow;
        try
        {
            await using var host = new ChildHost(root, HostSettings.For(sandbox.Url, postgres));
            await host.StartAsync(TimeSpan.FromSeconds(90));
            var post = await host.Client.PostAsJsonAsync("/api/campaigns", Audience.Campaign("crash", Audience.Recipients(audience)));
            if (post.StatusCode != HttpStatusCode.Accepted)
                throw new InvalidOperationException($"The campaign was refused: {post.StatusCode} {await post.Content.ReadAsStringAsync()}");

            var random = new Random(seed);
            var recover = new List<double>();
            var done = 0;
            await WaitForProgressAsync(sandbox, 1, TimeSpan.FromSeconds(120));
            while (done < kills && SentCount(sandbox) < audience * 0.9)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 2500)));
                await host.KillAsync();
                done++;
                var before = SentCount(sandbox);
                var restarted = DateTime.UtcNow;
                await host.StartAsync(TimeSpan.FromSeconds(90));
                if (!await IsFinishedAsync(host))
                {
                    await WaitForProgressAsync(sandbox, before + 1, TimeSpan.FromSeconds(180));
                    recover.Add(Math.Round((DateTime.UtcNow - restarted).TotalSeconds, 2));
                }
            }

            var report = await WaitForReportAsync(host, deadline);
            var sent = sandbox.State.SentMessages().SelectMany(m => m.To)
                .GroupBy(a => a, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            var lost = Enumerable.Range(1, audience).Count(i => !sent.ContainsKey($"user{i}@example.com"));
            var duplicates = sent.Values.Sum(c => c - 1);
            return new CrashOutcome(done, audience, lost, duplicates, recover, report, Math.Round((DateTime.UtcNow - started).TotalSeconds, 1));
        }
        finally
        {
            HostSettings.DeleteQuietly(root);
        }
    }

    private static int SentCount(SandboxHost sandbox) => sandbox.State.SentMessages().Sum(m => m.To.Count);

    private static async Task WaitForProgressAsync(SandboxHost sandbox, int atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (SentCount(sandbox) < atLeast)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No send progress past {atLeast - 1} within {timeout}.");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> IsFinishedAsync(ChildHost host)
    {
        var view = await host.Client.GetFromJsonAsync<JsonElement>("/api/campaigns/crash");
        return view.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated";
    }

    private static async Task<JsonElement> WaitForReportAsync(ChildHost host, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement view = default;
        while (DateTime.UtcNow < deadline)
        {
            var response = await host.Client.GetAsync("/api/campaigns/crash");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                view = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (view.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated") return view;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The campaign was not finished within {timeout} (stuck); last view: {view}");
    }
}
