using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using CampaignFlows.Sandbox;
using CampaignFlows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Bench;

/// <summary>
/// <c>campaign [--store sqlite|postgres] [--recipients N] [--scenario rate|scale|all] [--limit 500]</c>: whole campaigns
/// through the app and an in-process sandbox over HTTP, the sandbox's sent log being the truth for what was sent.
/// <c>rate</c>: N recipients (default 100,000) on an account limited to --limit/s (500), app configured the same: achieved rate,
/// utilisation, the fullest one-second window and throttles. <c>scale</c>: N recipients (default 1,000,000) with the rate out
/// of the way: seconds, rate, peak memory and the largest orchestration history among the campaign's instances.
/// </summary>
public sealed class CampaignSuite : IBenchSuite
{
    private const string Primary = "AKIDMARKETINGPRIMARY";
    private const double DefaultRateLimit = 500;
    private const double UnlimitedRate = 100_000;
    private const double AnchorPerSecond = 100;

    /// <inheritdoc />
    public string Name => "campaign";

    /// <inheritdoc />
    public async Task<int> RunAsync(BenchArgs args)
    {
        var store = args.Get("store", "sqlite");
        var scenario = args.Get("scenario", "all");
        var limit = args.Get("limit", DefaultRateLimit);
        if (store is not ("sqlite" or "postgres") || scenario is not ("rate" or "scale" or "all") || (args.Has("recipients") && args.Get("recipients", 0) < 1)
            || limit is < 1 or >= UnlimitedRate)
        {
            Console.Error.WriteLine("--store must be sqlite or postgres; --scenario rate, scale or all; --recipients positive; --limit 1 to 99,999");
            return 2;
        }
        if (store == "postgres" && Environment.GetEnvironmentVariable(PostgresDatabase.Variable) is not { Length: > 0 })
        {
            Console.Error.WriteLine($"--store postgres needs {PostgresDatabase.Variable} (eval \"$(.ci/start-postgres)\")");
            return 2;
        }
        if (scenario is "rate" or "all") await RateAsync(store, args.Get("recipients", 100_000), limit);
        if (scenario is "scale" or "all") await ScaleAsync(store, args.Get("recipients", 1_000_000));
        return 0;
    }

    private static async Task RateAsync(string store, int recipients, double limit)
    {
        await using var run = await StartAsync(store, limit, recipients, o => o.MessageLogCapacity = Math.Max(o.MessageLogCapacity, recipients));
        var (view, seconds) = await SendAsync(run, "bench-rate", recipients);
        var (backlog, catchUp) = await EventFeedCatchUpAsync(run.Sandbox);
        var sends = run.Sandbox.State.SentMessages().Where(m => m.AccessKeyId == Primary).Select(m => m.Timestamp).Order().ToArray();
        var sent = run.Sandbox.State.SentMessages().Sum(m => m.To.Count);
        // Recipients per whole second counted from the first send, the last (partial) second left out: a sender at the limit
        // fills every such second, and any pause between waves shows as a second that is not full. (Dividing by first to
        // last send instead swings by a few percent with where the last call happens to fall within its second.)
        var whole = sends.Length == 0 ? 0 : (long)(sends[^1] - sends[0]).TotalSeconds;
        var perSecond = whole == 0 ? sends.Length : sends.Count(t => (t - sends[0]).TotalSeconds < whole) / (double)whole;
        var fullest = sends.Where(t => (t - sends[0]).TotalSeconds < whole).GroupBy(t => (long)(t - sends[0]).TotalSeconds).Select(g => g.Count()).ToArray();
        BenchOutput.Line(new JsonObject(Outcome("rate", store, recipients, sent, view))
        {
            ["limit"] = limit,
            ["per_second"] = Math.Round(perSecond, 1),
            ["utilisation"] = Math.Round(perSecond / limit, 3),
            ["target_utilisation"] = 0.99,
            ["max_1s_window"] = SentLog.MaxInAnySecond(run.Sandbox, Primary),
            ["emptiest_second"] = fullest.Length < whole ? 0 : fullest.DefaultIfEmpty(0).Min(),
            ["throttles"] = Report(view, "throttles"),
            ["event_backlog_at_end"] = backlog,
            ["event_catch_up_seconds"] = catchUp,
            ["seconds"] = Math.Round(seconds, 1),
            ["anchor"] = "listmonk default 100 msgs/s",
            ["anchor_per_second"] = AnchorPerSecond,
            ["ratio"] = Math.Round(perSecond / AnchorPerSecond, 2),
        });
    }

    private static async Task ScaleAsync(string store, int recipients)
    {
        await using var run = await StartAsync(store, UnlimitedRate, recipients, o =>
        {
            o.MessageLogCapacity = 1_000;
            foreach (var key in o.Accounts.Keys.ToList()) o.Accounts[key] = o.Accounts[key] with { EventTypes = [] };
        });
        var (view, seconds) = await SendAsync(run, "bench-scale", recipients);
        var sent = Report(view, "sent");
        BenchOutput.Line(new JsonObject(Outcome("scale", store, recipients, sent, view))
        {
            ["seconds"] = Math.Round(seconds, 1),
            ["target_seconds"] = 120,
            ["per_second"] = Math.Round(sent / seconds, 1),
            ["max_history_events"] = await MaxHistoryEventsAsync(run, "bench-scale"),
            ["target_max_history_events"] = 5_000,
            ["peak_rss_mb"] = BenchOutput.PeakRssMb(),
            ["target_peak_rss_mb"] = 400,
            ["ratio"] = Math.Round(seconds / 120, 3),
        });
    }

    /// <summary>The fields every scenario's line starts with.</summary>
    private static Dictionary<string, JsonNode?> Outcome(string scenario, string store, int recipients, long sent, JsonElement view) => new()
    {
        ["suite"] = "campaign",
        ["scenario"] = scenario,
        ["store"] = store,
        ["recipients"] = recipients,
        ["sent"] = sent,
        ["status"] = view.GetProperty("runtimeStatus").GetString(),
    };

    /// <summary>
    /// SES events (send, delivery, bounce, complaint) still queued for the feed when the campaign finished, and the
    /// seconds until the feed had read them all (-1: not within two minutes). The health gates judge by what the feed has
    /// read, so a feed falling behind the send rate would let them judge late.
    /// </summary>
    private static async Task<(int Backlog, double CatchUpSeconds)> EventFeedCatchUpAsync(SandboxHost sandbox)
    {
        using var queues = new SandboxQueues(sandbox.Url);
        var backlog = await queues.CountAsync(EmbeddedSandbox.EventQueue);
        var clock = Stopwatch.StartNew();
        while (await queues.CountAsync(EmbeddedSandbox.EventQueue) > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) return (backlog, -1);
            await Task.Delay(100);
        }
        return (backlog, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    private static long Report(JsonElement view, string field) =>
        view.TryGetProperty("report", out var report) && report.ValueKind == JsonValueKind.Object ? report.GetProperty(field).GetInt64() : -1;

    /// <summary>The app and a sandbox in this process, both at one rate for the primary account, with quota for the audience twice over.</summary>
    private static Task<BenchApp> StartAsync(string store, double rate, int recipients, Action<SandboxOptions> sandbox)
    {
        var options = EmbeddedSandbox.CreateOptions();
        options.Accounts[Primary] = options.Accounts[Primary] with { MaxSendRate = rate, Max24HourSend = Math.Max(options.Accounts[Primary].Max24HourSend, 2.0 * recipients) };
        sandbox(options);
        return BenchApp.StartAsync("campaign", options, settings => AppSettings.SetAccountLimits(settings, Primary, rate, options.Accounts[Primary].Max24HourSend), store);
    }

    /// <summary>Stores a CSV audience, starts the campaign and waits for it; the seconds count from the POST.</summary>
    private static async Task<(JsonElement View, double Seconds)> SendAsync(BenchApp app, string id, int recipients)
    {
        await app.SaveAudienceAsync(id + ".csv", recipients);
        var clock = Stopwatch.StartNew();
        var response = await app.Client.PostAsJsonAsync("/api/campaigns", new
        {
            id,
            from = "news@shop.example",
            template = new { subject = "Sale for {{name}}", text = "Hi {{name}}" },
            audienceBlob = id + ".csv",
        });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The campaign was refused: {await response.Content.ReadAsStringAsync()}");
        var view = await CampaignStatus.WaitAsync(app.Client, id, TimeSpan.FromMinutes(30));
        return (view, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The most history events any of the campaign's instances (itself and its waves) holds now.</summary>
    private static async Task<int> MaxHistoryEventsAsync(BenchApp app, string id)
    {
        var client = app.App.Services.GetRequiredService<DurableTaskClient>();
        var max = 0;
        await foreach (var instance in client.QueryInstances(new OrchestrationQuery { InstanceIdPrefix = id }))
            max = Math.Max(max, (await client.GetInstanceHistoryAsync(instance.InstanceId))?.Count ?? 0);
        return max;
    }
}
