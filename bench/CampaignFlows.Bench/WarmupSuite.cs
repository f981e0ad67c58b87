using CampaignFlows.Cli.WarmupSim;

namespace CampaignFlows.Bench;

/// <summary>
/// <c>warmup</c>: the whole 28-day warm-up of a dedicated IP (the <c>warmup-sim</c> verb's simulation: real host, engine,
/// SQLite store, timer trigger, campaign path and sandbox, fake clock) healthy and with a bounce spike on day 9. The
/// anchor is doing it by hand: 28 real days (2,419,200 s), so the ratio is how many times faster the simulation is.
/// Options: <c>--target N</c> (default 1,000,000), <c>--scale N</c> (default 100: each day sends 1/N of its plan).
/// </summary>
public sealed class WarmupSuite : IBenchSuite
{
    private const string Anchor = "manual warm-up: 28 days";
    private const double AnchorSeconds = 28 * 24 * 3600;
    private const double TargetWallSeconds = 30;

    /// <inheritdoc />
    public string Name => "warmup";

    /// <inheritdoc />
    public async Task<int> RunAsync(BenchArgs args)
    {
        var target = long.Parse(args.Get("target", "1000000"), System.Globalization.CultureInfo.InvariantCulture);
        var scale = args.Get("scale", WarmupSimCommand.DefaultScale);
        var failed = false;
        foreach (var (scenario, bounceDays) in new (string, int[])[] { ("healthy", []), ("bounce_day_9", [9]) })
        {
            var result = await WarmupSimulation.RunAsync(FunctionApp.Build, new WarmupSimOptions(28, target, scale, bounceDays), _ => { }, CancellationToken.None);
            failed |= result.RuntimeStatus != "Completed";
            var seconds = result.Wall.TotalSeconds;
            var line = result.ToJson();
            line.Remove("summary");
            line["suite"] = Name;
            line["scenario"] = scenario;
            line["sim_seconds"] = Math.Round(seconds, 2);
            line["days_per_second"] = Math.Round(result.Days.Count / seconds, 2);
            line["target_wall_seconds"] = TargetWallSeconds;
            line["anchor"] = Anchor;
            line["anchor_seconds"] = AnchorSeconds;
            line["ratio"] = Math.Round(AnchorSeconds / seconds, 0);
            BenchOutput.Line(line);
        }
        return failed ? 1 : 0;
    }
}
