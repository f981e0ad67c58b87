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

/// <summary>One SIGKILL of the host: when the harness asked for it, and when it started the next life of the host.</summary>
/// <remarks>
/// The sandbox stamps a send when it accepts the request, and a request the host wrote before it died can be accepted
/// after the kill was asked for (the kill takes milliseconds to land) or even after the host is gone. Nothing the next
/// life sends can be accepted before it was started, so a send belongs to the life that ended at the first kill whose
/// restart came after it.
/// </remarks>
public sealed record KillWindow(DateTimeOffset Signalled, DateTimeOffset Restarting);

/// <summary>When the duplicated recipients of a crash run were sent, against its kills.</summary>
/// <param name="LeadMs">For each address sent more than once and first sent in a life that a kill ended: milliseconds
/// from its first send to that kill's signal, ascending. A batch in SES's hands at the kill has a lead of a few
/// milliseconds, negative when the sandbox accepted it after the signal; a long lead is a recipient sent long before
/// the kill and sent again after it.</param>
/// <param name="WithinOneLife">Sends that repeat an earlier send of the same address in the same life of the host: no
/// crash explains them.</param>
public sealed record DuplicateTiming(IReadOnlyList<double> LeadMs, int WithinOneLife)
{
    /// <summary>Times the duplicates among <paramref name="sends"/> (oldest first, one entry per recipient of a send).</summary>
    public static DuplicateTiming Of(IEnumerable<(DateTimeOffset At, string Address)> sends, IReadOnlyList<KillWindow> kills)
    {
        var lives = new Dictionary<string, List<(DateTimeOffset At, int Life)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (at, address) in sends)
        {
            if (!lives.TryGetValue(address, out var list)) lives[address] = list = [];
            list.Add((at, kills.Count(k => k.Restarting <= at)));
        }
        var leads = new List<double>();
        var withinOneLife = 0;
        foreach (var list in lives.Values.Where(l => l.Count > 1))
        {
            var first = list[0];
            if (first.Life < kills.Count) leads.Add(Math.Round((kills[first.Life].Signalled - first.At).TotalMilliseconds));
            for (var i = 1; i < list.Count; i++)
                if (list.Take(i).Any(earlier => earlier.Life == list[i].Life)) withinOneLife++;
        }
        leads.Sort();
        return new DuplicateTiming(leads, withinOneLife);
    }
}

/// <summary>The outcome of one campaign run through SIGKILLs: what the sandbox saw and what the app reported.</summary>
/// <param name="Kills">SIGKILLs made.</param>
/// <param name="Audience">Recipients of the campaign.</param>
/// <param name="Lost">Recipients the sandbox never accepted.</param>
/// <param name="Duplicates">Sends beyond the first per address.</param>
/// <param name="RecoverSeconds">Per restart, seconds until the sandbox saw the next send.</param>
/// <param name="Report">The campaign's status with its report.</param>
/// <param name="Seconds">The whole run.</param>
/// <param name="DuplicateTiming">When the duplicates were sent against the kills (see <see cref="Testing.DuplicateTiming"/>).</param>
public sealed record CrashOutcome(int Kills, int Audience, int Lost, int Duplicates, IReadOnlyList<double> RecoverSeconds, JsonElement Report, double Seconds,
    DuplicateTiming DuplicateTiming);

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

            var killed = new List<KillWindow>();
            var recover = await KillRepeatedlyAsync(plan, sandbox, host, killed);
            var report = await CampaignStatus.WaitAsync(host.Client, CampaignId, plan.Deadline);
            var sent = SentLog.Counts(sandbox);
            var lost = Enumerable.Range(1, plan.Audience).Count(i => !sent.ContainsKey($"user{i}@example.com"));
            var duplicated = sandbox.State.SentMessages().SelectMany(m => m.To.Where(a => sent[a] > 1).Select(a => (m.Timestamp, a)));
            return new CrashOutcome(killed.Count, plan.Audience, lost, SentLog.Duplicates(sent), recover, report, Math.Round(clock.Elapsed.TotalSeconds, 1),
                DuplicateTiming.Of(duplicated, killed));
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
    private static async Task<List<double>> KillRepeatedlyAsync(CrashPlan plan, SandboxHost sandbox, ChildHost host, List<KillWindow> killed)
    {
        var random = new Random(plan.Seed);
        var recover = new List<double>();
        var step = plan.Audience / (plan.Kills + 1);
        var last = (int)(plan.Audience * 0.95);
        await SentLog.WaitForAsync(sandbox, 1, ProgressTimeout);
        while (killed.Count < plan.Kills && SentLog.Total(sandbox) < last)
        {
            var target = Math.Min((killed.Count + 1) * step - random.Next(0, Math.Max(1, step / 2)), last);
            await SentLog.WaitForAsync(sandbox, target, ProgressTimeout);
            await Task.Delay(random.Next(0, 1000));
            var signalled = DateTimeOffset.UtcNow;
            await host.KillAsync();
            var before = SentLog.Total(sandbox);
            var restarted = Stopwatch.StartNew();
            killed.Add(new KillWindow(signalled, DateTimeOffset.UtcNow));
            await host.StartAsync(StartTimeout);
            if (await CampaignStatus.TryGetAsync(host.Client, CampaignId) is { } view && CampaignStatus.IsFinished(view)) continue;
            await SentLog.WaitForAsync(sandbox, before + 1, ProgressTimeout);
            recover.Add(Math.Round(restarted.Elapsed.TotalSeconds, 2));
        }
        return recover;
    }
}
