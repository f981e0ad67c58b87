using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignFlows.Bench;

/// <summary>One benchmark suite, chosen by its name on the command line; discovered by reflection.</summary>
public interface IBenchSuite
{
    /// <summary>The verb that selects the suite, e.g. <c>engine</c>.</summary>
    string Name { get; }

    /// <summary>Runs the suite, printing one JSON line per scenario; returns the exit code.</summary>
    Task<int> RunAsync(BenchArgs args);
}

/// <summary><c>--name value</c> options and bare flags.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static BenchArgs Parse(string[] args)
    {
        var parsed = new BenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var key = args[i][2..];
            parsed._values[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        return parsed;
    }

    public string Get(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;
    public int Get(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
    public double Get(string name, double fallback) =>
        _values.TryGetValue(name, out var v) ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
    public bool Has(string name) => _values.ContainsKey(name);
}

/// <summary>Writes result lines and samples the process's peak resident memory.</summary>
public static class BenchOutput
{
    /// <summary>Prints one result as a single JSON line on stdout.</summary>
    public static void Line(JsonObject result)
    {
        result["peak_rss_mb"] ??= PeakRssMb();
        Console.Out.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        Console.Out.Flush();
    }

    /// <summary>The peak resident set size of this process in MB (VmHWM on Linux).</summary>
    public static double PeakRssMb()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb))
                return Math.Round(kb / 1024.0, 1);
        }
        return Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1);
    }
}
