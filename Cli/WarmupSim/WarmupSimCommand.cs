using System.CommandLine;
using System.Globalization;
using CampaignFlows.Data.State;

namespace CampaignFlows.Cli.WarmupSim;

/// <summary>
/// <c>warmup-sim</c>: a whole dedicated-IP warm-up on the in-process sandbox under a fake clock, printed day by day
/// (or as one JSON line per day and a summary line with <c>--json</c>).
/// </summary>
public static class WarmupSimCommand
{
    /// <summary>The default divisor: a million-a-day target then sends about 31,000 mails over the 28 days, in minutes.</summary>
    public const int DefaultScale = 100;

    /// <summary>The verb.</summary>
    public static Command Create(ClockedHostFactory hostFactory)
    {
        var days = new Option<int>("--days") { Description = "Plan days to take through their gate (28: the whole warm-up; held days add calendar days).", DefaultValueFactory = _ => 28 };
        var target = new Option<long>("--target") { Description = "Target daily volume reached on plan day 28.", DefaultValueFactory = _ => 1_000_000 };
        var scale = new Option<int>("--scale") { Description = $"Send 1/N of each day's planned volume; planned figures are reported whole (default {DefaultScale}; 1 sends everything).", DefaultValueFactory = _ => DefaultScale };
        var bounceDays = new Option<int[]>("--bounce-day") { Description = "A calendar day on which about 3% of the day's mail bounces (repeatable, at most 4).", AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "One JSON line per day, then a summary line." };
        var command = new Command("warmup-sim", "Run a whole warm-up on the in-process SES sandbox under a fake clock and print each day's plan, sends, rates and decision.");
        command.Options.Add(days);
        command.Options.Add(target);
        command.Options.Add(scale);
        command.Options.Add(bounceDays);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new WarmupSimOptions(parse.GetValue(days), parse.GetValue(target), parse.GetValue(scale), parse.GetValue(bounceDays) ?? []);
            if (options.Problem() is { } problem)
            {
                Console.Error.WriteLine(problem);
                return 2;
            }
            return await RunAsync(hostFactory, options, parse.GetValue(json), cancellation);
        });
        return command;
    }

    /// <summary>Runs and prints; the simulation sends the hosts' console logs to stderr, so the table or the JSON lines go to the stdout held here.</summary>
    private static async Task<int> RunAsync(ClockedHostFactory hostFactory, WarmupSimOptions options, bool json, CancellationToken cancellation)
    {
        var stdout = Console.Out;
        if (!json)
        {
            stdout.WriteLine($"Warm-up of {WarmupSimOptions.Ip} to {options.Target:N0} a day on the sandbox under a fake clock" +
                (options.Scale > 1 ? $"; sending 1/{options.Scale} of each day's planned volume (planned, DIP and shared are the plan's figures, sent is what went out)." : "."));
            stdout.WriteLine($"{"day",4} {"plan",4} {"date",-10} {"planned",10} {"dip",10} {"dip %",6} {"shared",10} {"sent",8} {"bounce",7} {"complaint",9}  decision");
        }

        var result = await WarmupSimulation.RunAsync(hostFactory, options, day => Print(stdout, day, options.Scale, json), cancellation);
        if (json)
        {
            stdout.WriteLine(result.ToJson().ToJsonString());
        }
        else
        {
            stdout.WriteLine($"{result.RuntimeStatus}: {result.Days.Count} days, {result.PlanDaysPassed} plan days passed: {result.Advances} advanced, {result.Holds} held, {result.Pauses} paused " +
                $"({result.OperatorResumes} resumed as the operator); planned {result.Days.Sum(d => d.Planned):N0}, sent {result.Days.Sum(d => d.Sent):N0}" +
                $"{(options.Scale > 1 ? $" (1/{options.Scale})" : "")}; {result.Wall.TotalSeconds:0.0} s wall, history at most {result.MaxHistoryEvents} events.");
        }
        return result.RuntimeStatus is "Completed" or "Running" ? 0 : 1;
    }

    private static void Print(TextWriter stdout, WarmupDay day, int scale, bool json)
    {
        if (json)
        {
            stdout.WriteLine(WarmupSimResult.DayJson(day, scale).ToJsonString());
            return;
        }
        var share = day.Planned == 0 ? 0 : 100.0 * day.Dip / day.Planned;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{day.Day,4} {day.PlanDay,4} {day.RecordedAt.UtcDateTime:yyyy-MM-dd} {day.Planned,10:N0} {day.Dip,10:N0} {share,5:0.0}% {day.Shared,10:N0} {day.Sent,8:N0} {day.BounceRate,7:P2} {day.ComplaintRate,9:P3}  {day.Decision}"));
    }
}
