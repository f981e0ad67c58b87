using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlows.Campaigns;

namespace CampaignFlows.Bench;

/// <summary>
/// <c>transactional</c>: latency from POST /api/messages to SES accept (the sandbox's sent-log timestamp), on an idle
/// host and while a campaign saturates the marketing account. Options: <c>--messages N</c> (default 200),
/// <c>--audience N</c> (default 20000).
/// </summary>
public sealed class TransactionalSuite : IBenchSuite
{
    private const double TargetP99Ms = 1000;
    /// <summary>Messages sent and not measured first, so the figures are of a running host rather than of its first calls (JIT, connection set-up).</summary>
    private const int WarmupMessages = 20;

    /// <inheritdoc />
    public string Name => "transactional";

    /// <inheritdoc />
    public async Task<int> RunAsync(BenchArgs args)
    {
        var messages = args.Get("messages", 200);
        var audience = args.Get("audience", 20_000);
        await using (var idle = await StartAsync())
        {
            await MeasureAsync(idle, WarmupMessages, "warmup");
            Report("idle", await MeasureAsync(idle, messages, "idle"));
        }
        await using (var loaded = await StartAsync())
        {
            // The audience goes in as a stored CSV, as a shop's would: inline it would pass the request body limit.
            await loaded.SaveAudienceAsync("saturating.csv", audience);
            var campaign = await loaded.Client.PostAsJsonAsync("/api/campaigns", new
            {
                id = "saturating",
                from = "news@shop.example",
                template = new { subject = "Sale {{name}}", text = "Hi {{name}}" },
                audienceBlob = "saturating.csv",
            });
            if (!campaign.IsSuccessStatusCode) throw new InvalidOperationException($"The campaign was refused: {await campaign.Content.ReadAsStringAsync()}");
            await MeasureAsync(loaded, WarmupMessages, "warmup");
            await WaitForSendingAsync(loaded);
            var result = await MeasureAsync(loaded, messages, "loaded");
            result["campaign_sent_during"] = loaded.Sandbox.State.SentMessages().Count(m => m.AccessKeyId != "AKIDTRANSACTIONAL");
            Report("under_campaign", result);
        }
        return 0;
    }

    private static void Report(string scenario, JsonObject result)
    {
        result["suite"] = "transactional";
        result["scenario"] = scenario;
        BenchOutput.Line(result);
    }

    private static async Task WaitForSendingAsync(BenchApp app)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && app.Sandbox.State.SentMessages().Count < 500) await Task.Delay(50);
    }

    /// <summary>Posts the messages four at a time, each to a new recipient, and pairs each answer with the sandbox's accept time.</summary>
    private static async Task<JsonObject> MeasureAsync(BenchApp app, int count, string tag)
    {
        var posted = new Dictionary<string, DateTimeOffset>();
        var answers = new List<(string? MessageId, DateTimeOffset PostedAt)>();
        var gate = new SemaphoreSlim(4);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var at = DateTimeOffset.UtcNow;
                var response = await app.Client.PostAsJsonAsync("/api/messages", new
                {
                    template = new { name = "verify", subject = "Verify", text = "Your code is {{code}}" },
                    to = $"{tag}-{i}@customers.example",
                    data = new { code = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                });
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                lock (answers) answers.Add((body.TryGetProperty("messageId", out var id) ? id.GetString() : null, at));
            }
            finally
            {
                gate.Release();
            }
        }));
        var accepted = app.Sandbox.State.SentMessages().ToDictionary(m => m.MessageId, m => m.Timestamp);
        var latencies = answers.Where(a => a.MessageId is not null && accepted.ContainsKey(a.MessageId))
            .Select(a => (accepted[a.MessageId!] - a.PostedAt).TotalMilliseconds).Order().ToArray();
        var p50 = Percentile(latencies, 0.50);
        var p99 = Percentile(latencies, 0.99);
        return new JsonObject
        {
            ["messages"] = count,
            ["accepted"] = latencies.Length,
            ["p50_ms"] = Math.Round(p50, 1),
            ["p90_ms"] = Math.Round(Percentile(latencies, 0.90), 1),
            ["p99_ms"] = Math.Round(p99, 1),
            ["max_ms"] = latencies.Length == 0 ? double.NaN : Math.Round(latencies[^1], 1),
            ["over_250_ms"] = latencies.Count(l => l > 250),
            ["target_p99_ms"] = TargetP99Ms,
            ["ratio"] = Math.Round(p99 / TargetP99Ms, 3),
            ["elapsed_s"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
            ["warmup_messages"] = WarmupMessages,
        };
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    /// <summary>The app on SQLite and the embedded sandbox accounts, with the per-client message limit out of the way.</summary>
    private static Task<BenchApp> StartAsync() =>
        BenchApp.StartAsync("tx", EmbeddedSandbox.CreateOptions(), settings => settings["Messages:ClientPermitLimit"] = "100000");
}
