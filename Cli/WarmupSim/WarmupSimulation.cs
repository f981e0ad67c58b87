using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CampaignFlows.Campaigns;
using CampaignFlows.Cli.Demo;
using CampaignFlows.Data.State;
using CampaignFlows.Durable;
using CampaignFlows.Sandbox;
using CampaignFlows.Warmups;

namespace CampaignFlows.Cli.WarmupSim;

/// <summary>Builds the host with services added first (a fake clock), as <c>FunctionApp.Build</c> does.</summary>
public delegate WebApplication ClockedHostFactory(string[] args, Action<WebApplicationBuilder>? configure);

/// <summary>
/// One whole warm-up on the in-process sandbox under a fake clock: the real host (engine, SQLite data store, timer
/// trigger, campaign sending path) in a fresh content root, the warm-up started over HTTP, the clock driven by
/// <see cref="WarmupSimClock"/>. A gate pause is resumed as an operator would ("resume").
/// </summary>
public static class WarmupSimulation
{
    private static readonly TimeOnly StepAt = new(9, 0);

    /// <summary>Runs the simulation; <paramref name="onDay"/> sees each day as its decision is logged.</summary>
    /// <remarks>Console output (the hosts' logs) goes to stderr while it runs, so stdout carries only what the caller prints to the writer it held before.</remarks>
    /// <exception cref="InvalidOperationException">The host refused the warm-up.</exception>
    public static async Task<WarmupSimResult> RunAsync(ClockedHostFactory hostFactory, WarmupSimOptions options, Action<WarmupDay> onDay, CancellationToken cancellation)
    {
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            return await RunHostsAsync(hostFactory, options, onDay, cancellation).ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(stdout);
        }
    }

    private static async Task<WarmupSimResult> RunHostsAsync(ClockedHostFactory hostFactory, WarmupSimOptions options, Action<WarmupDay> onDay, CancellationToken cancellation)
    {
        var clock = new WarmupSimTime(WarmupSimClock.StartAfterStep(WarmupSimOptions.FirstDate, StepAt));
        var sandboxOptions = DemoCommand.SandboxOptions();
        sandboxOptions.TimeProvider = clock;
        sandboxOptions.EventDelayMilliseconds = 20;
        sandboxOptions.Accounts[EmbeddedSandbox.Accounts[0].KeyId].DedicatedIps.Add(WarmupSimOptions.Ip);
        var root = Directory.CreateTempSubdirectory("cf-warmup-sim-").FullName;
        try
        {
            await using var sandbox = await SandboxHost.StartAsync(sandboxOptions, cancellation).ConfigureAwait(false);
            var app = hostFactory(HostArguments(sandbox.Url, root, options.Scale), b => b.Services.AddSingleton<TimeProvider>(clock));
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellation).ConfigureAwait(false);
                var result = await RunOnHostAsync(app, sandboxOptions, clock, options, onDay, cancellation).ConfigureAwait(false);
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return result;
            }
        }
        finally
        {
            TryDelete(root);
        }
    }

    private static async Task<WarmupSimResult> RunOnHostAsync(WebApplication app, SandboxOptions sandbox, WarmupSimTime clock, WarmupSimOptions options,
        Action<WarmupDay> onDay, CancellationToken cancellation)
    {
        var wall = Stopwatch.StartNew();
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var log = app.Services.GetRequiredService<IWarmupDayLog>();
        await WarmupSimAudience.SaveAsync(app.Services.GetRequiredService<AudienceStore>(), WarmupSimAudience.SizeFor(options.Target, options.Scale), cancellation)
            .ConfigureAwait(false);
        WarmupSimAudience.SetSpike(sandbox, options.SpikeOn(1));

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("x-functions-key", CampaignDemo.FunctionKey);
        var started = await http.PostAsJsonAsync("api/warmups",
            new { ip = WarmupSimOptions.Ip, targetDailyVolume = options.Target, audience = WarmupSimAudience.BlobName, mode = WarmupModes.Plan }, cancellation).ConfigureAwait(false);
        if (!started.IsSuccessStatusCode)
            throw new InvalidOperationException($"The host refused the warm-up: {await started.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false)}");

        var id = WarmupIds.ForIp(WarmupSimOptions.Ip);
        var days = new List<WarmupDay>();
        var history = new HistoryWatch(client, id);
        var operatorResumes = 0;
        var feed = WarmupSimFeed.For(app.Services.GetRequiredService<MailAccounts>());
        var driver = new WarmupSimClock(clock, StepAt)
        {
            Settled = feed.IsDrainedAsync,
            BeforeRound = round => WarmupSimAudience.SetSpike(sandbox, options.SpikeOn(round)),
            Observed = async snapshot =>
            {
                await history.SampleAsync(snapshot, cancellation).ConfigureAwait(false);
                await CatchUpDaysAsync(log, id, days, onDay, cancellation).ConfigureAwait(false);
            },
        };

        WarmupSnapshot last;
        while (true)
        {
            last = await driver.RunUntilAsync(c => WarmupSimSnapshots.ReadAsync(client, id, c),
                s => s.Status is { Phase: "paused" } || (s.Status is { Phase: "waiting" } w && w.PlanDay > options.Days),
                TimeSpan.FromMinutes(30), cancellation).ConfigureAwait(false);
            if (last.Status?.Phase != "paused") break;
            await CatchUpDaysAsync(log, id, days, onDay, cancellation).ConfigureAwait(false);
            await client.RaiseEventAsync(id, WarmupSignal.EventName, new WarmupSignal(WarmupSignal.ResumeKind, Reason: "warmup-sim resumes as the operator"), cancellation)
                .ConfigureAwait(false);
            operatorResumes++;
            await WaitUntilNotPausedAsync(client, id, cancellation).ConfigureAwait(false);
        }

        await CatchUpDaysAsync(log, id, days, onDay, cancellation).ConfigureAwait(false);
        await history.SampleAsync(last, cancellation).ConfigureAwait(false);
        wall.Stop();
        return new WarmupSimResult(options, days, last.RuntimeStatus, last.Status?.PlanDay ?? 0, operatorResumes, wall.Elapsed, history.Max, clock.GetUtcNow());
    }

    private static async Task CatchUpDaysAsync(IWarmupDayLog log, string id, List<WarmupDay> seen, Action<WarmupDay> onDay, CancellationToken cancellation)
    {
        var all = await log.ListAsync(id, cancellation).ConfigureAwait(false);
        foreach (var day in all.Skip(seen.Count))
        {
            seen.Add(day);
            onDay(day);
        }
    }

    private static async Task WaitUntilNotPausedAsync(DurableTaskClient client, string id, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await WarmupSimSnapshots.ReadAsync(client, id, cancellation).ConfigureAwait(false)).Status?.Phase == "paused")
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Warm-up {id} stayed paused after the operator's resume.");
            await Task.Delay(20, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>The demo's embedded defaults in a content root of the simulation's own, sending 1/scale of each day.</summary>
    private static string[] HostArguments(Uri sandboxUrl, string root, int scale)
    {
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (File.Exists(hostJson)) File.Copy(hostJson, Path.Combine(root, "host.json"));
        return
        [
            .. DemoCommand.EmbeddedDefaults(sandboxUrl),
            $"--contentRoot={root}",
            $"--{WarmupOptions.Section}:VolumeDivisor={scale.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:CampaignFlows=Warning",
        ];
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A database file still closing is left for the OS temp cleaner.
        }
    }

    /// <summary>The largest history seen of the warm-up's current generation, sampled whenever its phase or round changed.</summary>
    private sealed class HistoryWatch(DurableTaskClient client, string id)
    {
        private (string? Phase, int Round) _last;

        public int Max { get; private set; }

        public async Task SampleAsync(WarmupSnapshot snapshot, CancellationToken cancellation)
        {
            var now = (snapshot.Status?.Phase, snapshot.Status?.Round ?? 0);
            if (now == _last) return;
            _last = now;
            var events = await client.GetInstanceHistoryAsync(id, cancellation).ConfigureAwait(false);
            Max = Math.Max(Max, events?.Count ?? 0);
        }
    }
}
