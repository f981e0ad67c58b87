using System.Text.Json.Serialization;

namespace CampaignFlows.Domain;

/// <summary>A 28-day warm-up plan toward a target daily volume.</summary>
/// <remarks>
/// <para>
/// For a target of at least <see cref="StandardWarmupRamp.Week4Start"/> the first three weeks are the standard
/// table and week 4 grows by a constant daily factor from 200,000 to the target, which day 28 reaches exactly
/// (for 1,000,000 the weeks total 7,000 / 87,500 / 525,000, as in the user's table).
/// </para>
/// <para>
/// A smaller target keeps day 1 at 500 (a cold IP starts small whatever the goal) and compresses the
/// standard curve in log space so that day 22 reaches the target; week 4 then holds it. A target below
/// day 1's 500 is refused. Volumes never fall from one day to the next. Deterministic and pure.
/// </para>
/// </remarks>
public sealed record WarmupPlan
{
    [JsonConstructor]
    private WarmupPlan(long targetDailyVolume, IReadOnlyList<WarmupPlanDay> days)
    {
        TargetDailyVolume = targetDailyVolume;
        Days = days;
    }

    /// <summary>The daily volume reached on the last day.</summary>
    public long TargetDailyVolume { get; }

    /// <summary>The days in order, day 1 first; always <see cref="StandardWarmupRamp.PlanDays"/> of them.</summary>
    public IReadOnlyList<WarmupPlanDay> Days { get; }

    /// <summary>Builds the plan for a target daily volume.</summary>
    /// <param name="targetDailyVolume">Mails a day the IP must carry at the end; at least 500.</param>
    /// <exception cref="DomainValidationException">The target is below day 1's volume.</exception>
    public static WarmupPlan ForTarget(long targetDailyVolume)
    {
        if (targetDailyVolume < StandardWarmupRamp.FirstDayVolume)
        {
            throw new DomainValidationException(
                "targetDailyVolume",
                $"must be at least day 1's volume of {StandardWarmupRamp.FirstDayVolume:N0} mails (was {targetDailyVolume:N0}).");
        }

        var volumes = targetDailyVolume >= StandardWarmupRamp.Week4Start
            ? StandardVolumes(targetDailyVolume)
            : CompressedVolumes(targetDailyVolume);
        var days = volumes
            .Select((volume, i) => new WarmupPlanDay(i + 1, volume, WarmupTimeline.PercentAfterDay(i + 1, StandardWarmupRamp.PlanDays)))
            .ToArray();
        return new WarmupPlan(targetDailyVolume, days);
    }

    /// <summary>The day with the given 1-based number.</summary>
    /// <param name="day">1 to 28.</param>
    public WarmupPlanDay Day(int day) =>
        day >= 1 && day <= Days.Count
            ? Days[day - 1]
            : throw new DomainValidationException("day", $"must be between 1 and {Days.Count} (was {day}).");

    /// <summary>Total mails planned for a 1-based week.</summary>
    /// <param name="week">1 to 4.</param>
    public long WeekTotal(int week) =>
        week >= 1 && week <= StandardWarmupRamp.PlanDays / StandardWarmupRamp.DaysPerWeek
            ? Days.Where(d => d.Week == week).Sum(d => d.Volume)
            : throw new DomainValidationException("week", $"must be between 1 and 4 (was {week}).");

    private static long[] StandardVolumes(long target)
    {
        var volumes = new long[StandardWarmupRamp.PlanDays];
        for (var i = 0; i < StandardWarmupRamp.FirstThreeWeeks.Count; i++)
        {
            volumes[i] = StandardWarmupRamp.FirstThreeWeeks[i];
        }

        const int week4 = 21;
        var steps = StandardWarmupRamp.PlanDays - 1 - week4;
        var growth = (double)target / StandardWarmupRamp.Week4Start;
        for (var step = 0; step < steps; step++)
        {
            volumes[week4 + step] = (long)Math.Round(StandardWarmupRamp.Week4Start * Math.Pow(growth, (double)step / steps));
        }

        volumes[^1] = target;
        return volumes;
    }

    private static long[] CompressedVolumes(long target)
    {
        // The reference is the smallest standard plan (target 200,000: week 4 flat), so the two branches meet.
        var reference = StandardWarmupRamp.FirstThreeWeeks.Append(StandardWarmupRamp.Week4Start).ToArray();
        var span = Math.Log((double)StandardWarmupRamp.Week4Start / StandardWarmupRamp.FirstDayVolume);
        var ratio = (double)target / StandardWarmupRamp.FirstDayVolume;
        var volumes = new long[StandardWarmupRamp.PlanDays];
        for (var i = 0; i < volumes.Length; i++)
        {
            if (i >= reference.Length - 1)
            {
                volumes[i] = target;
                continue;
            }

            var progress = Math.Log((double)reference[i] / StandardWarmupRamp.FirstDayVolume) / span;
            var volume = (long)Math.Round(StandardWarmupRamp.FirstDayVolume * Math.Pow(ratio, progress));
            volumes[i] = Math.Clamp(volume, i == 0 ? StandardWarmupRamp.FirstDayVolume : volumes[i - 1], target);
        }

        return volumes;
    }
}
