using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Campaigns;
using CampaignFlows.Cli.WarmupSim;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using CampaignFlows.Sandbox;
using CampaignFlows.Warmups;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.EndToEnd.Tests.Warmups;

/// <summary>
/// A warm-up over the real app (HTTP, engine, SQLite, timer trigger, campaign path, sandbox) on a manual clock that
/// <see cref="WarmupSimClock"/> drives by the warm-up's phase, read over <c>GET /api/warmups/{id}</c>.
/// </summary>
public sealed class WarmupRun : IAsyncDisposable
{
    public const string Ip = "198.51.100.20";

    /// <summary>The target the scenarios warm to: small, so 28 days of sends stay quick.</summary>
    public const long Target = 2_800;
    public static readonly TimeOnly StepAt = new(9, 0);
    private static readonly DateOnly FirstDate = new(2026, 3, 2);

    private readonly string _contentRoot;
    private readonly WarmupSimOptions _spikes;

    private WarmupRun(string contentRoot, WarmupSimOptions spikes)
    {
        _contentRoot = contentRoot;
        _spikes = spikes;
    }

    /// <summary>The app now running; a restart replaces it.</summary>
    public CampaignApp App { get; private set; } = null!;
    public SandboxOptions Sandbox { get; private set; } = null!;
    public WarmupSimClock Clock { get; private set; } = null!;
    public static string Id => WarmupIds.ForIp(Ip);

    /// <summary>Starts the app on a manual clock at 09:00:30 on the first day, with the audience stored.</summary>
    /// <param name="target">The target daily volume the audience is sized for.</param>
    /// <param name="divisor">Warmup:VolumeDivisor: each day sends 1/N of its plan.</param>
    /// <param name="bounceRounds">Calendar days on which a spike domain bounces (the first such day spike 1, and so on).</param>
    public static async Task<WarmupRun> StartAsync(long target, int divisor, params int[] bounceRounds)
    {
        var run = new WarmupRun(CampaignApp.NewContentRoot(), new WarmupSimOptions(28, target, divisor, bounceRounds));
        await run.StartAppAsync(WarmupSimClock.StartAfterStep(FirstDate, StepAt), round: 1);
        await WarmupSimAudience.SaveAsync(run.App.App.Services.GetRequiredService<AudienceStore>(), WarmupSimAudience.SizeFor(target, divisor), CancellationToken.None);
        return run;
    }

    /// <summary>
    /// Stops the host and starts a new one (and a new sandbox) on the same content root, so the same database and blobs,
    /// at the time the old clock showed, with the spike (if any) of calendar day <paramref name="round"/> set.
    /// </summary>
    public async Task RestartAsync(int round)
    {
        var now = Clock.Now;
        await App.DisposeAsync();
        await StartAppAsync(now, round);
    }

    private async Task StartAppAsync(DateTimeOffset now, int round)
    {
        var time = new WarmupSimTime(now);
        SandboxOptions? sandbox = null;
        App = await CampaignApp.StartAsync(
            sandbox: o =>
            {
                sandbox = o;
                o.Accounts[EmbeddedSandbox.Accounts[0].KeyId].DedicatedIps.Add(Ip);
            },
            settings: new Dictionary<string, string?> { [$"{WarmupOptions.Section}:VolumeDivisor"] = _spikes.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            clock: time,
            contentRoot: _contentRoot);
        Sandbox = sandbox!;
        var spikes = _spikes;
        var options = Sandbox;
        Clock = new WarmupSimClock(time, StepAt)
        {
            BeforeRound = r => WarmupSimAudience.SetSpike(options, spikes.SpikeOn(r)),
            Settled = WarmupSimFeed.For(App.App.Services.GetRequiredService<MailAccounts>()).IsDrainedAsync,
        };
        WarmupSimAudience.SetSpike(options, spikes.SpikeOn(round));
    }

    /// <summary>Posts a warm-up of <see cref="Ip"/> over the simulated audience.</summary>
    public Task<HttpResponseMessage> PostAsync(long target, string mode = WarmupModes.Plan) =>
        App.Client.PostAsJsonAsync("/api/warmups", new { ip = Ip, targetDailyVolume = target, audience = WarmupSimAudience.BlobName, mode });

    /// <summary>The warm-up as GET /api/warmups/{id} shows it.</summary>
    public async Task<WarmupView> ViewAsync()
    {
        var response = await App.Client.GetAsync($"/api/warmups/{Id}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WarmupView>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Drives the clock until the condition holds (or the warm-up finished); generous real-time limit.</summary>
    public Task<WarmupSnapshot> RunUntilAsync(Func<WarmupSnapshot, bool> stop) =>
        Clock.RunUntilAsync(async _ =>
        {
            var summary = (await ViewAsync()).Summary;
            return new WarmupSnapshot(summary.RuntimeStatus, summary.Status);
        }, stop, TimeSpan.FromMinutes(3), CancellationToken.None);

    /// <summary>Until the warm-up waits after the given number of calendar days (or pauses, or finishes).</summary>
    public Task<WarmupSnapshot> RunDaysAsync(int rounds) =>
        RunUntilAsync(s => s.Status is { Phase: "paused" } || (s.Status is { Phase: "waiting" } w && w.Round >= rounds));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        CampaignApp.DeleteContentRoot(_contentRoot);
    }
}
