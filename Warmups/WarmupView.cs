using CampaignFlows.Data.State;
using CampaignFlows.Domain;
using CampaignFlows.Durable;

namespace CampaignFlows.Warmups;

/// <summary>One warm-up as <c>GET /api/warmups/{id}</c> shows it.</summary>
/// <param name="Summary">Its status.</param>
/// <param name="StartAt">When day 1 ran (or runs).</param>
/// <param name="SaleAt">The sale, when given.</param>
/// <param name="Thresholds">The gate's thresholds.</param>
/// <param name="Plan">Each plan day with what was sent for it (a held day is sent more than once).</param>
/// <param name="Days">Every stepped day with its figures and decision, from the day log.</param>
public sealed record WarmupView(
    WarmupSummary Summary,
    DateTimeOffset? StartAt,
    DateTimeOffset? SaleAt,
    WarmupGateThresholds? Thresholds,
    IReadOnlyList<WarmupPlanVsActual> Plan,
    IReadOnlyList<WarmupDay> Days)
{
    /// <summary>The instance id for a path segment that is either the id or the bare IP.</summary>
    public static string InstanceId(string idOrIp) => idOrIp.StartsWith(WarmupIds.Prefix, StringComparison.Ordinal) ? idOrIp : WarmupIds.ForIp(idOrIp);

    /// <summary>Builds the view from the instance and its day log.</summary>
    public static WarmupView From(OrchestrationMetadata instance, IReadOnlyList<WarmupDay> days)
    {
        var input = instance.ReadInputAs<WarmupInput>();
        var plan = input is null ? [] : WarmupPlan.ForTarget(input.Settings.TargetDailyVolume).Days;
        var byPlanDay = days.ToLookup(d => d.PlanDay ?? 0);
        var rows = plan.Select(p => new WarmupPlanVsActual(p.Day, p.Volume, p.WarmupPercent,
            byPlanDay[p.Day].Sum(d => d.Sent), byPlanDay[p.Day].Count(), byPlanDay[p.Day].LastOrDefault()?.Decision)).ToList();
        return new WarmupView(WarmupSummary.From(instance), input?.Settings.StartAt, input?.Settings.SaleAt, input?.Settings.Thresholds, rows, days);
    }
}

/// <summary>A plan day beside what was sent for it.</summary>
/// <param name="Day">The plan day.</param>
/// <param name="Planned">Its volume.</param>
/// <param name="WarmupPercent">Its percentage on the timeline.</param>
/// <param name="Sent">Mails sent for it over all its rounds.</param>
/// <param name="Rounds">Times it was sent (more than one when held).</param>
/// <param name="Decision">The last decision on it; null when not sent yet.</param>
public sealed record WarmupPlanVsActual(int Day, long Planned, decimal WarmupPercent, long Sent, int Rounds, string? Decision);

/// <summary>A warm-up in a list.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="RuntimeStatus">The engine's status (Running, Suspended, Completed, ...).</param>
/// <param name="Target">The IP or pool.</param>
/// <param name="Mode">The mode.</param>
/// <param name="TargetDailyVolume">The target.</param>
/// <param name="Status">The warm-up's own status (phase, plan day, last decision).</param>
/// <param name="Result">The outcome once finished.</param>
public sealed record WarmupSummary(string Id, string RuntimeStatus, string? Target, string? Mode, long? TargetDailyVolume, WarmupStatus? Status, WarmupResult? Result)
{
    /// <summary>Reads the summary from an instance.</summary>
    public static WarmupSummary From(OrchestrationMetadata instance)
    {
        var input = instance.ReadInputAs<WarmupInput>();
        return new WarmupSummary(instance.InstanceId, instance.RuntimeStatus.ToString(), input?.Settings.Target.ToString(), input?.Settings.Mode,
            input?.Settings.TargetDailyVolume, instance.ReadCustomStatusAs<WarmupStatus>(),
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<WarmupResult>() : null);
    }
}
