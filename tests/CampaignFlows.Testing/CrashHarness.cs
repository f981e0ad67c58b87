using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Campaigns;
using CampaignFlows.Sandbox;

namespace CampaignFlows.Testing;

/// <summary>What a crash run is asked to do.</summary>
/// <param name="Audience">Recipients of the one campaign (<c>user{i}@example.com</c>).</param>
/// <param name="Kills">SIGKILLs at most; fewer when the campaign is nearly done first.</param>
/// <param name="Seed">Seeds where between progress steps each kill falls.</param>
/// <param name="Postgres">The database for engine and data, or null for SQLite in the content root.</param>
/// <param name="Deadline">How long the campaign may take to finish after the last restart before it counts as stuck.</param>
/// <param name="LogLevel">The host's default log level.</param>
public sealed record CrashPlan(int Audience, int Kills, int Seed, string? Postgres, TimeSpan Deadline, string LogLevel = "Information");

/// <summary>The outcome of one campaign run through SIGKILLs: what the sandbox saw and what the app reported.</summary>
/// <remarks>
/// DuplicateLeadMs: for each address sent twice, milliseconds from its first send to the kill that followed it. Batches
/// in SES's hands at a kill were sent a few milliseconds before it; a long lead means a recipient sent long before the
/// kill was sent again.
/// </remarks>
public sealed record CrashOutcome(int Kills, int Audience, int Lost, int Duplicates, IReadOnlyList<double> RecoverSeconds, JsonElement Report, double Seconds,
    IReadOnlyList<double> DuplicateLeadMs);

/// <summary>
/// Runs one campaign in a child host and SIGKILLs it at seeded moments spread over the send progress, restarting it
/// each time; the sandbox (in this process, so it survives the kills) keeps the sent log that is the truth for "sent".
/// </summary>
public static class CrashHarness
{
    public const string CampaignId = "crash";
    public const string MasterKey = "crash-master-key-5d1e";
    public const string FunctionKey = "crash-function-key-0b7a";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ProgressTimeout = TimeSpan.FromMinutes(5);

    public static async Task<CrashOutcome> RunAsync(CrashPlan plan)
    {
        var options = EmbeddedSandbox.CreateOptions();
        options.EventDelayMilliseconds = 20;
        options.MessageLogCapacity = plan.Audience * 2;
        await using var sandbox = await SandboxHost.StartAsync(options);
        var root = AppContentRoot.Create("cf-crash-", MasterKey, FunctionKey, AppContentRoot.HostJson(256 * 1024 * 1024, plan.LogLevel));
        var clock = Stopwatch.StartNew();
        try
        {
            await using var host = new ChildHost(root, AppSettings.For(sandbox.Url, plan.Postgres), FunctionKey);
            await host.StartAsync(StartTimeout);
            var post = await host.Client.PostAsJsonAsync("/api/campaigns", CampaignBodies.Campaign(CampaignId, CampaignBodies.Recipients(plan.Audience)));
            if (post.StatusCode != HttpStatusCode.Accepted)
                throw new InvalidOperationException($"The campaign was refused: {post.StatusCode} {await post.Content.ReadAsStringAsync()}");

            var killedAt = new List<DateTimeOffset>();
            var (kills, recover) = await KillRepeatedlyAsync(plan, sandbox, host, killedAt);
            var report = await CampaignStatus.WaitAsync(host.Client, CampaignId, plan.Deadline);
            var sent = SentLog.Counts(sandbox);
            var lost = Enumerable.Range(1, plan.Audience).Count(i => !sent.ContainsKey($"user{i}@example.com"));
            return new CrashOutcome(kills, plan.Audience, lost, SentLog.Duplicates(sent), recover, report, Math.Round(clock.Elapsed.TotalSeconds, 1),
                DuplicateLeads(sandbox, sent, killedAt));
        }
        finally
        {
            AppContentRoot.DeleteQuietly(root);
        }
    }

    /// <summary>
    /// Kill i falls somewhere in the i-th of kills+1 equal slices of the audience (seeded), so kills hit early, middle
    /// and late sending alike; each restart is timed until the sandbox sees the next send.
    /// </summary>
    private static async Task<(int Kills, List<double> Recover)> KillRepeatedlyAsync(CrashPlan plan, SandboxHost sandbox, ChildHost host, List<DateTimeOffset> killedAt)
    {
        var random = new Random(plan.Seed);
        var recover = new List<double>();
        var done = 0;
        var step = plan.Audience / (plan.Kills + 1);
        var last = (int)(plan.Audience * 0.95);
        await SentLog.WaitForAsync(sandbox, 1, ProgressTimeout);
        while (done < plan.Kills && SentLog.Total(sandbox) < last)
        {
            var target = Math.Min((done + 1) * step - random.Next(0, Math.Max(1, step / 2)), last);
            await SentLog.WaitForAsync(sandbox, target, ProgressTimeout);
            await Task.Delay(random.Next(0, 1000));
            killedAt.Add(DateTimeOffset.UtcNow);
            await host.KillAsync();
            done++;
            var before = SentLog.Total(sandbox);
            var restarted = Stopwatch.StartNew();
            await host.StartAsync(StartTimeout);
            if (await CampaignStatus.TryGetAsync(host.Client, CampaignId) is { } view && CampaignStatus.IsFinished(view)) continue;
            await SentLog.WaitForAsync(sandbox, before + 1, ProgressTimeout);
            recover.Add(Math.Round(restarted.Elapsed.TotalSeconds, 2));
        }
        return (done, recover);
    }

    private static List<double> DuplicateLeads(SandboxHost sandbox, Dictionary<string, int> sent, List<DateTimeOffset> killedAt)
    {
        var first = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        foreach (var message in sandbox.State.SentMessages())
            foreach (var address in message.To)
                if (sent[address] > 1) first.TryAdd(address, message.Timestamp);
        return [.. first.Values.Select(at => killedAt.Where(k => k >= at).Select(k => Math.Round((k - at).TotalMilliseconds)).DefaultIfEmpty(-1).Min()).Order()];
    }
}
