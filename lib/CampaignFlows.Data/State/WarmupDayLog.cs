using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.State;

/// <summary>The warm-up day log on either provider.</summary>
internal sealed class WarmupDayLog(CampaignDatabase database) : IWarmupDayLog
{
    public Task RecordAsync(WarmupDay day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(day);
        StateGuard.Required(day.WarmupId, nameof(day.WarmupId));
        StateGuard.Required(day.Decision, nameof(day.Decision));
        if (day.Day < 1) throw new ArgumentOutOfRangeException(nameof(day), day.Day, "Warm-up days start at 1.");
        if (day.PlanDay is not >= 1) throw new ArgumentOutOfRangeException(nameof(day), day.PlanDay, "A warm-up day needs its plan day, from 1.");
        if (day.Planned < 0 || day.Sent < 0 || day.Dip < 0 || day.Shared < 0) throw new ArgumentException($"Warm-up {day.WarmupId} day {day.Day} has a negative volume.", nameof(day));
        if (day.BounceRate is < 0 or > 1 || day.ComplaintRate is < 0 or > 1) throw new ArgumentException($"Warm-up {day.WarmupId} day {day.Day} has a rate outside 0..1.", nameof(day));
        var args = new { day.WarmupId, day.Day, day.PlanDay, day.Planned, day.Sent, day.Dip, day.Shared, day.BounceRate, day.ComplaintRate, day.Decision, day.Reason, at = UnixTime.Ms(day.RecordedAt) };
        return database.WriteAsync((c, t) => c.ExecuteAsync(StateQueries.RecordWarmupDay, args, t), cancellationToken);
    }

    public async Task<IReadOnlyList<WarmupDay>> ListAsync(string warmupId, CancellationToken cancellationToken = default)
    {
        StateGuard.Required(warmupId, nameof(warmupId));
        var rows = await database.ReadAsync(c => c.QueryAsync<Row>(StateQueries.ListWarmupDays, new { warmupId }), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new WarmupDay(r.WarmupId, (int)r.Day, r.Planned, r.Sent, r.Dip, r.Shared, r.BounceRate, r.ComplaintRate, r.Decision, r.Reason, UnixTime.From(r.RecordedAt), (int?)r.PlanDay)).ToList();
    }

    private sealed class Row
    {
        public string WarmupId { get; init; } = "";
        public long Day { get; init; }
        public long? PlanDay { get; init; }
        public long Planned { get; init; }
        public long Sent { get; init; }
        public long Dip { get; init; }
        public long Shared { get; init; }
        public double BounceRate { get; init; }
        public double ComplaintRate { get; init; }
        public string Decision { get; init; } = "";
        public string? Reason { get; init; }
        public long RecordedAt { get; init; }
    }
}
