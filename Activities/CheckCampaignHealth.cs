using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;
using CampaignFlows.Domain;
using CampaignFlows.Durable;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>
/// The health gate between waves: the campaign's bounce and complaint rates (from the SES event feed) and the
/// account's send-error rate over consecutive windows, judged against the configured thresholds, plus the progress
/// figures the campaign shows as its status.
/// </summary>
public sealed class CheckCampaignHealth(IRecipientProgress progress, IDeliveryStatistics statistics, MailAccounts accounts, DurableTaskClient engine,
    TimeProvider time)
{
    /// <summary>The activity.</summary>
    [Function(nameof(CheckCampaignHealth))]
    public async Task<HealthVerdict> Run([ActivityTrigger] HealthCheck check, CancellationToken cancellation)
    {
        var gate = accounts.Options.HealthGate;
        var now = time.GetUtcNow();
        var counts = await progress.GetCountsAsync(check.CampaignId, cancellation);
        var reputation = await statistics.GetWindowAsync(StatsScope.Campaign(check.CampaignId), gate.ReputationWindow, now, cancellation);
        var windows = new List<SendCounts>(gate.ErrorWindows);
        for (var i = 0; i < gate.ErrorWindows; i++)
        {
            var window = await statistics.GetWindowAsync(StatsScope.Account(check.Account), gate.ErrorWindow, now - gate.ErrorWindow * i, cancellation);
            windows.Add(ToSendCounts(window));
        }

        // Bounces counted from the recipients themselves: the feed may report a bounce before the send's statistics bucket closes.
        var sent = counts.Accepted;
        var bounced = Math.Max(counts[RecipientStatus.Bounced], reputation.Bounced);
        var complained = Math.Max(counts[RecipientStatus.Complained], reputation.Complained);
        var quota = await MailAccounts.QuotaInForceAsync(engine, check.Account, cancellation);
        var streams = quota is null || check.Stream is null ? null : Demand(check, counts.Queued + counts.Sending, quota);
        var decision = HealthGate.Evaluate(new HealthInputs(new SendCounts(sent + reputation.SendErrors, sent, reputation.SendErrors, bounced, complained), windows,
            quota, check.Stream, streams), gate.ToThresholds());
        return new HealthVerdict(decision.Action.ToString(), decision.Reason, Progress("sending", counts, check.FirstSendAt, now),
            decision.Action == HealthAction.HoldLowPriority ? gate.QuotaHoldRecheck : null);
    }

    /// <summary>The progress figures from the recipients' counts.</summary>
    public static CampaignProgress Progress(string state, RecipientCounts counts, DateTime? firstSendAt, DateTimeOffset now)
    {
        var elapsed = firstSendAt is { } first ? (now.UtcDateTime - first).TotalSeconds : 0;
        var rate = elapsed > 0 ? Math.Round(counts.Accepted / elapsed, 1) : 0;
        var left = counts.Queued + counts.Sending;
        return new CampaignProgress(state, counts.Total, left, counts.Accepted, counts[RecipientStatus.Suppressed], counts[RecipientStatus.Blocked],
            counts[RecipientStatus.Rejected], counts[RecipientStatus.Failed], counts[RecipientStatus.DeadLettered], counts[RecipientStatus.Bounced],
            counts[RecipientStatus.Complained], rate, rate > 0 ? Math.Round(left / rate) : null);
    }

    /// <summary>
    /// The streams sharing the account: this campaign's with what it still has to send; any of higher priority is
    /// assumed to need all that is left (its demand is not known here, and the quota is being kept for it).
    /// </summary>
    private IReadOnlyList<StreamDemand> Demand(HealthCheck check, long pending, AccountQuota quota)
    {
        var options = accounts.Options;
        var own = options.PriorityOf(check.Stream!);
        return [.. accounts.Get(check.Account).Streams.Distinct(StringComparer.OrdinalIgnoreCase).Select(stream =>
            string.Equals(stream, check.Stream, StringComparison.OrdinalIgnoreCase) ? new StreamDemand(stream, own, pending)
            : new StreamDemand(stream, options.PriorityOf(stream), options.PriorityOf(stream) > own ? quota.Remaining : 0))];
    }

    private static SendCounts ToSendCounts(DeliveryCounts counts) =>
        new(counts.Sent + counts.SendErrors, counts.Sent, counts.SendErrors, counts.Bounced, counts.Complained);
}
