using CampaignFlows.Data.Statistics;
using CampaignFlows.Domain;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;

namespace CampaignFlows.Activities;

/// <summary>Counts a warm-up day's settled outcome over its campaigns.</summary>
/// <remarks>
/// Sent comes from the campaign reports. Bounces and complaints keep arriving after a campaign finishes, so they are
/// the larger of what the reports saw and what the delivery statistics hold for the campaigns since the day began.
/// </remarks>
public sealed class GetDayFigures(IDeliveryStatistics statistics, TimeProvider time)
{
    /// <summary>The day's sent, bounced and complained counts.</summary>
    [Function(nameof(GetDayFigures))]
    public async Task<WarmupDayFigures> Run([ActivityTrigger] DayFiguresQuery query, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var since = new DateTimeOffset(DateTime.SpecifyKind(query.Since, DateTimeKind.Utc));
        var window = now - since + TimeSpan.FromMinutes(1);
        if (window <= TimeSpan.Zero) window = TimeSpan.FromMinutes(1);
        long bounced = 0, complained = 0;
        foreach (var id in query.CampaignIds)
        {
            var counts = await statistics.GetWindowAsync(StatsScope.Campaign(id), window, now, cancellation);
            bounced += counts.Bounced;
            complained += counts.Complained;
        }

        var sent = query.Sent;
        return new WarmupDayFigures(sent, Math.Min(sent, Math.Max(bounced, query.Bounced)), Math.Min(sent, Math.Max(complained, query.Complained)));
    }
}
