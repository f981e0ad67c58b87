using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>Builds a campaign's final report from the recipients' recorded states.</summary>
public sealed class SummarizeCampaign(IRecipientProgress progress, IDeliveryStatistics statistics, TimeProvider time)
{
    /// <summary>The activity.</summary>
    [Function(nameof(SummarizeCampaign))]
    public async Task<CampaignReport> Run([ActivityTrigger] SummaryRequest request, CancellationToken cancellation)
    {
        var counts = await progress.GetCountsAsync(request.CampaignId, cancellation);
        var loaded = request.Loaded;
        var rows = loaded?.Rows ?? counts.Total;
        var unstoredRejects = loaded?.Rejected ?? 0;
        var now = time.GetUtcNow();
        var elapsed = request.FirstSendAt is { } first ? (now.UtcDateTime - first).TotalSeconds : 0;
        var throttles = elapsed > 0
            ? (await statistics.GetWindowAsync(StatsScope.Campaign(request.CampaignId), TimeSpan.FromSeconds(elapsed) + TimeSpan.FromMinutes(1), now, cancellation)).Throttled
            : 0;
        return new CampaignReport(
            request.CampaignId, request.Status, request.Reason,
            Audience: rows,
            Unique: counts.Total,
            Duplicates: Math.Max(0, rows - unstoredRejects - counts.Total),
            Rejected: counts[RecipientStatus.Rejected] + unstoredRejects,
            Suppressed: counts[RecipientStatus.Suppressed],
            Blocked: counts[RecipientStatus.Blocked],
            Sent: counts.Accepted,
            Failed: counts[RecipientStatus.Failed],
            DeadLettered: counts[RecipientStatus.DeadLettered],
            Bounced: counts[RecipientStatus.Bounced],
            Complained: counts[RecipientStatus.Complained],
            Throttles: throttles,
            AchievedRate: elapsed > 0 ? Math.Round(counts.Accepted / (elapsed + 1), 1) : 0);
    }
}
