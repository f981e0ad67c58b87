using CampaignFlows.Campaigns;
using CampaignFlows.Data;
using CampaignFlows.Data.Statistics;
using CampaignFlows.Durable;
using CampaignFlows.Functions;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Triggers;

/// <summary><c>GET /api/dashboard/campaigns/{id}/series</c>: a campaign's send rate over time against its account's limit, and its reputation rates against the gate.</summary>
/// <remarks>
/// The series comes from the stored statistics buckets (<c>CampaignData:StatisticsBucket</c>, one minute by default); the page adds
/// its own finer points from the live counts it polls, so a campaign of a few seconds still draws a line.
/// </remarks>
public sealed class DashboardCampaignSeries(IDeliveryStatistics statistics, MailAccounts accounts, IOptions<CampaignDataOptions> data, TimeProvider time)
{
    /// <summary>The longest history a request may ask for.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    /// <summary>The series, the limit and the thresholds.</summary>
    [Function(nameof(DashboardCampaignSeries))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard/campaigns/{id}/series")] HttpRequest req,
        string id, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        if (!TryWindow(req.Query["minutes"], out var window, out var problem)) return problem!;
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellation);
        if (instance is null) return TypedResults.Problem(statusCode: 404, title: "Unknown campaign", detail: $"No campaign with id '{id}' exists.");

        var now = time.GetUtcNow();
        var from = instance.CreatedAt > now - window ? instance.CreatedAt : now - window;
        var buckets = await statistics.GetSeriesAsync(StatsScope.Campaign(id), from, now, cancellation);
        var totals = await statistics.GetWindowAsync(StatsScope.Campaign(id), now - instance.CreatedAt + data.Value.StatisticsBucket, now, cancellation);
        var account = instance.ReadCustomStatusAs<CampaignProgress>()?.Account;
        var limit = account is null ? null : await client.GetFlowLimitAsync(MailAccounts.RateKey(account), cancellation);
        var gate = accounts.Options.HealthGate;
        return TypedResults.Ok(new CampaignSeriesView(id, data.Value.StatisticsBucket.TotalSeconds, account,
            limit?.Limit.PerSecond, limit?.EffectivePerSecond, SeriesPoint.From(buckets, data.Value.StatisticsBucket),
            new ReputationView(totals.Sent, totals.Bounced, totals.Complained, totals.SendErrors, totals.BounceRate, totals.ComplaintRate,
                (double)gate.BounceRatePause, (double)gate.ComplaintRatePause)));
    }

    private static bool TryWindow(string? minutes, out TimeSpan window, out IResult? problem)
    {
        window = TimeSpan.FromHours(6);
        problem = null;
        if (string.IsNullOrEmpty(minutes)) return true;
        if (int.TryParse(minutes, out var m) && m > 0 && TimeSpan.FromMinutes(m) <= MaxWindow)
        {
            window = TimeSpan.FromMinutes(m);
            return true;
        }
        problem = TypedResults.Problem(statusCode: 400, title: "Invalid query",
            detail: $"'minutes' must be a whole number from 1 to {MaxWindow.TotalMinutes}, not '{minutes}'.");
        return false;
    }
}

/// <summary>A campaign's send series as the dashboard draws it.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="BucketSeconds">The width of one stored bucket.</param>
/// <param name="Account">The account sending it now, if known.</param>
/// <param name="LimitPerSecond">The account's configured rate limit.</param>
/// <param name="EffectivePerSecond">The rate in force now (lower for a while after a throttle).</param>
/// <param name="Points">The non-empty buckets, oldest first.</param>
/// <param name="Reputation">Bounce and complaint rates against the gate's thresholds.</param>
public sealed record CampaignSeriesView(string CampaignId, double BucketSeconds, string? Account, double? LimitPerSecond, double? EffectivePerSecond,
    IReadOnlyList<SeriesPoint> Points, ReputationView Reputation);

/// <summary>One bucket of a send series.</summary>
/// <param name="At">The bucket's start.</param>
/// <param name="Sent">Mails accepted in it.</param>
/// <param name="PerSecond">Its average send rate.</param>
/// <param name="Errors">Failed send attempts in it.</param>
/// <param name="Bounced">Bounces recorded in it.</param>
/// <param name="Complained">Complaints recorded in it.</param>
public sealed record SeriesPoint(DateTimeOffset At, long Sent, double PerSecond, long Errors, long Bounced, long Complained)
{
    /// <summary>Points from stored buckets of the given width.</summary>
    public static IReadOnlyList<SeriesPoint> From(IReadOnlyList<DeliveryBucket> buckets, TimeSpan width) =>
        [.. buckets.Select(b => new SeriesPoint(b.Start, b.Counts.Sent, b.Counts.Sent / width.TotalSeconds, b.Counts.SendErrors,
            b.Counts.Bounced, b.Counts.Complained))];
}

/// <summary>A campaign's feedback rates beside the thresholds that pause it.</summary>
/// <param name="Sent">Mails accepted.</param>
/// <param name="Bounced">Bounces.</param>
/// <param name="Complained">Complaints.</param>
/// <param name="Errors">Failed send attempts.</param>
/// <param name="BounceRate">Bounces per mail sent.</param>
/// <param name="ComplaintRate">Complaints per mail sent.</param>
/// <param name="BounceThreshold">The bounce rate that pauses a campaign.</param>
/// <param name="ComplaintThreshold">The complaint rate that pauses a campaign.</param>
public sealed record ReputationView(long Sent, long Bounced, long Complained, long Errors, double BounceRate, double ComplaintRate,
    double BounceThreshold, double ComplaintThreshold);
