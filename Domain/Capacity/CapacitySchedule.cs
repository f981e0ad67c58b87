namespace CampaignFlows.Domain;

/// <summary>Lays out a capacity plan's days: the dedicated IPs' warm-up, then the campaign's days.</summary>
/// <remarks>
/// Without dedicated IPs there is no warm-up and the campaign starts at the sale (or now). With dedicated IPs the
/// warm-up targets the daily quota and ends when the sale starts (<see cref="SaleWarmupPlanner"/>); without a
/// sale date the warm-up starts now and the campaign follows it.
/// </remarks>
internal static class CapacitySchedule
{
    public static (IReadOnlyList<ScheduleDay> Days, DateTimeOffset? WarmupStart, IReadOnlyList<string> Warnings) Build(
        CapacityRequest request, long dailyQuota, DateTimeOffset now)
    {
        var days = new List<ScheduleDay>();
        var warnings = new List<string>();
        DateTimeOffset? warmupStart = null;
        var campaignStart = request.SaleAt ?? now;

        if (request.DedicatedIps > 0 && dailyQuota < StandardWarmupRamp.FirstDayVolume)
        {
            warnings.Add($"A daily quota of {dailyQuota:N0} is below a warm-up's first day ({StandardWarmupRamp.FirstDayVolume:N0}); the shared pool is enough and no warm-up is planned.");
        }
        else if (request.DedicatedIps > 0)
        {
            var sale = request.SaleAt ?? now + WarmupTimeline.Duration;
            var warmup = SaleWarmupPlanner.Schedule(dailyQuota, sale, now);
            warmupStart = warmup.StartAt;
            campaignStart = sale;
            if (warmup.Warning is { } warning)
            {
                warnings.Add(warning);
            }

            days.AddRange(warmup.Plan.Days
                .Select(d => new ScheduleDay(warmup.DayStartsAt(d.Day), SchedulePhase.Warmup, d.Volume, d.WarmupPercent))
                .Where(d => d.StartsAt < sale));
        }

        // The mails are spread evenly (the quota's buffer is head-room, not volume); earlier days take the remainder.
        var total = request.Users * request.MailsPerUser;
        var perDay = total / request.CampaignDays;
        var extra = total % request.CampaignDays;
        for (var day = 0; day < request.CampaignDays; day++)
        {
            var volume = perDay + (day < extra ? 1 : 0);
            days.Add(new ScheduleDay(campaignStart.AddDays(day), SchedulePhase.Campaign, volume, 100m));
        }

        return (days, warmupStart, warnings);
    }
}
