using System.Globalization;
using System.Text.Json.Nodes;
using CampaignFlows.Data.State;

namespace CampaignFlows.Cli.WarmupSim;

/// <summary>How a simulated warm-up went.</summary>
/// <param name="Options">What was simulated.</param>
/// <param name="Days">Every stepped day from the day log.</param>
/// <param name="RuntimeStatus">The instance's status at the end.</param>
/// <param name="PlanDay">The plan day due next at the end (29 once plan day 28 passed).</param>
/// <param name="OperatorResumes">Gate pauses the simulation resumed as the operator.</param>
/// <param name="Wall">Real time taken, host start excluded.</param>
/// <param name="MaxHistoryEvents">The largest history of one generation of the warm-up instance seen.</param>
/// <param name="ClockAtEnd">The fake clock at the end.</param>
public sealed record WarmupSimResult(WarmupSimOptions Options, IReadOnlyList<WarmupDay> Days, string RuntimeStatus, int PlanDay, int OperatorResumes,
    TimeSpan Wall, int MaxHistoryEvents, DateTimeOffset ClockAtEnd)
{
    /// <summary>Plan days that passed their gate (all 28 once completed).</summary>
    public int PlanDaysPassed => RuntimeStatus == "Completed" ? Domain.StandardWarmupRamp.PlanDays : Math.Max(0, PlanDay - 1);

    /// <summary>Days the gate advanced.</summary>
    public int Advances => Days.Count(d => d.Decision == "advance");

    /// <summary>Days the gate held.</summary>
    public int Holds => Days.Count(d => d.Decision == "hold");

    /// <summary>Days the gate paused on.</summary>
    public int Pauses => Days.Count(d => d.Decision == "pause");

    /// <summary>The summary as one JSON object.</summary>
    public JsonObject ToJson() => new()
    {
        ["summary"] = true,
        ["status"] = RuntimeStatus,
        ["target"] = Options.Target,
        ["scale"] = Options.Scale,
        ["days"] = Days.Count,
        ["plan_days_passed"] = PlanDaysPassed,
        ["advances"] = Advances,
        ["holds"] = Holds,
        ["pauses"] = Pauses,
        ["operator_resumes"] = OperatorResumes,
        ["planned_total"] = Days.Sum(d => d.Planned),
        ["sent_total"] = Days.Sum(d => d.Sent),
        ["wall_seconds"] = Math.Round(Wall.TotalSeconds, 1),
        ["max_history_events"] = MaxHistoryEvents,
        ["clock_end"] = ClockAtEnd.ToString("u", CultureInfo.InvariantCulture),
    };

    /// <summary>One day as one JSON object with the documented keys.</summary>
    /// <param name="day">The day.</param>
    /// <param name="scale">The volume divisor, to say what "sent" counts.</param>
    public static JsonObject DayJson(WarmupDay day, int scale) => new()
    {
        ["day"] = day.Day,
        ["plan_day"] = day.PlanDay,
        ["date"] = day.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["planned"] = day.Planned,
        ["dip"] = day.Dip,
        ["shared"] = day.Shared,
        ["dip_percent"] = day.Planned == 0 ? 0 : Math.Round(100.0 * day.Dip / day.Planned, 1),
        ["sent"] = day.Sent,
        ["scale"] = scale,
        ["bounce_rate"] = Math.Round(day.BounceRate, 5),
        ["complaint_rate"] = Math.Round(day.ComplaintRate, 5),
        ["decision"] = day.Decision,
    };
}
