using CampaignFlows.Data.State;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;

namespace CampaignFlows.Activities;

/// <summary>Writes a warm-up day's figures and decision to the queryable day log.</summary>
/// <remarks>Keyed by warm-up and round, so running it again after a lost lease overwrites the same row.</remarks>
public sealed class RecordWarmupDay(IWarmupDayLog log)
{
    /// <summary>Records the day.</summary>
    [Function(nameof(RecordWarmupDay))]
    public Task Run([ActivityTrigger] WarmupDayEntry entry, CancellationToken cancellation)
    {
        var day = entry.Day;
        var reason = $"Plan day {day.PlanDay} at {day.WarmupPercent:0.##}% warm, stepped by {day.SteppedBy}. {day.Reason}";
        return log.RecordAsync(
            new WarmupDay(entry.WarmupId, day.Round, day.Planned, day.Sent, day.Dip, day.Shared, (double)day.BounceRate, (double)day.ComplaintRate,
                day.Decision, reason, new DateTimeOffset(DateTime.SpecifyKind(day.RecordedAt, DateTimeKind.Utc)), day.PlanDay),
            cancellation);
    }
}
