namespace CampaignFlows.Cli.WarmupSim;

/// <summary>What a simulated warm-up runs.</summary>
/// <param name="Days">Plan days to take through their gate; 28 runs the whole warm-up (held days add calendar days).</param>
/// <param name="Target">The target daily volume.</param>
/// <param name="Scale">Each day sends 1/Scale of its planned volume; the planned figures are reported whole.</param>
/// <param name="BounceDays">Calendar days (1-based) on which one spike domain of the audience bounces.</param>
public sealed record WarmupSimOptions(int Days, long Target, int Scale, IReadOnlyList<int> BounceDays)
{
    /// <summary>The dedicated IP the simulation warms (a documentation address).</summary>
    public const string Ip = "198.51.100.7";

    /// <summary>The first simulated day.</summary>
    public static DateOnly FirstDate { get; } = new(2026, 3, 2);

    /// <summary>The spike (1-based) injected on a calendar day, or 0 for a clean day.</summary>
    public int SpikeOn(int round)
    {
        var index = BounceDays.Distinct().Order().ToList().IndexOf(round);
        return index < 0 ? 0 : index + 1;
    }

    /// <summary>The first thing wrong with the options, or null.</summary>
    public string? Problem() =>
        Days is < 1 or > Domain.StandardWarmupRamp.PlanDays ? $"--days must be 1 to {Domain.StandardWarmupRamp.PlanDays} (was {Days})."
        : Target < Domain.StandardWarmupRamp.FirstDayVolume ? $"--target must be at least day 1's {Domain.StandardWarmupRamp.FirstDayVolume:N0} (was {Target:N0})."
        : Scale < 1 ? $"--scale must be at least 1 (was {Scale})."
        : BounceDays.Any(d => d < 1) ? "--bounce-day must be 1 or later."
        : BounceDays.Distinct().Count() > WarmupSimAudience.SpikeDomains ? $"at most {WarmupSimAudience.SpikeDomains} bounce days."
        : null;
}
