using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Domain;
using CampaignFlows.Durable;
using CampaignFlows.Warmups;

namespace CampaignFlows.Orchestrations;

public static partial class WarmupOrchestrator
{
    /// <summary>Transient SES or database trouble in an activity is retried; the day does not fail for it.</summary>
    private static readonly TaskOptions ActivityRetries = new(new RetryPolicy(5, TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(5)));

    /// <summary>Sends one plan day through both routes, lets the events settle, judges and records it.</summary>
    private static async Task<(WarmupGateDecision Decision, WarmupDayRecord Record)> RunDayAsync(
        TaskOrchestrationContext context, WarmupSettings settings, WarmupPlan plan, WarmupCursor cursor, string steppedBy)
    {
        var planDay = plan.Day(cursor.Progress.Day);
        var sesState = settings.Mode == WarmupModes.SesAuto
            ? await context.CallActivityAsync<SesWarmupState>(nameof(GetWarmupStatus), settings.Target, ActivityRetries)
            : null;
        var target = WarmupDayTarget.For(plan, planDay.Day, sesState?.EffectivePercent);
        var (percent, split, tier) = (target.WarmupPercent, target.Split, target.Tier);
        var sending = settings.VolumeDivisor > 1 ? TrafficSplit.For((split.Volume + settings.VolumeDivisor - 1) / settings.VolumeDivisor, percent) : split;
        var started = context.CurrentUtcDateTime;

        context.SetCustomStatus(Status("sending", settings, cursor));
        var sends = new List<(string Id, Task<CampaignReport> Report)>(2);
        if (sending.DedicatedIp > 0) sends.Add(Send(context, settings, cursor.Round, "dip", tier, skip: 0, sending.DedicatedIp, settings.DedicatedConfigurationSet));
        if (sending.SharedPool > 0) sends.Add(Send(context, settings, cursor.Round, "shared", tier, sending.DedicatedIp, sending.SharedPool, settings.SharedConfigurationSet));
        var reports = await Task.WhenAll(sends.Select(s => s.Report));

        context.SetCustomStatus(Status("settling", settings, cursor));
        if (settings.SettleDelay > TimeSpan.Zero) await context.CreateTimer(settings.SettleDelay, CancellationToken.None);
        var query = new DayFiguresQuery([.. sends.Select(s => s.Id)], reports.Sum(r => r.Sent), reports.Sum(r => r.Bounced), reports.Sum(r => r.Complained), started);
        var figures = await context.CallActivityAsync<WarmupDayFigures>(nameof(GetDayFigures), query, ActivityRetries);

        var decision = WarmupGate.Judge(figures, cursor.Progress.ConsecutiveFailedDays, settings.Thresholds);
        if (sesState is not null && decision.Outcome == WarmupGateOutcome.Advance && planDay.WarmupPercent > sesState.EffectivePercent)
        {
            var raised = (int)decimal.Floor(planDay.WarmupPercent);
            await context.CallActivityAsync(nameof(SetWarmupPercentage), new WarmupPercentChange(settings.Target, raised), ActivityRetries);
        }

        var record = new WarmupDayRecord(
            cursor.Round, planDay.Day, planDay.Volume, percent, tier.ScoreAbove, split.DedicatedIp, split.SharedPool,
            figures.Sent, figures.Bounces, figures.Complaints, figures.BounceRate, figures.ComplaintRate,
            decision.Outcome.ToString().ToLowerInvariant(), decision.Reason, steppedBy, context.CurrentUtcDateTime);
        await context.CallActivityAsync(nameof(RecordWarmupDay), new WarmupDayEntry(settings.WarmupId, record), ActivityRetries);
        return (decision, record);
    }

    private static (string Id, Task<CampaignReport> Report) Send(TaskOrchestrationContext context, WarmupSettings settings, int round, string route,
        EngagementTier tier, long skip, long limit, string? configurationSet)
    {
        var id = WarmupIds.Campaign(settings.WarmupId, round, route);
        var audience = new AudienceSource(settings.AudienceBlob, tier.ScoreAbove, skip == 0 ? null : skip, limit, SkipBadRows: true);
        var input = new CampaignInput(id, settings.Stream, settings.FromAddress, settings.Template, audience, ConfigurationSetName: configurationSet);
        return (id, context.CallSubOrchestratorAsync<CampaignReport>(nameof(CampaignOrchestrator), input, new SubOrchestrationOptions(id)));
    }
}
