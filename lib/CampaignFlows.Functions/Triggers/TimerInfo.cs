using CampaignFlows.Durable;

namespace CampaignFlows.Functions;

/// <summary>What a timer-triggered function receives, as in Azure Functions.</summary>
/// <param name="ScheduleStatus">The schedule's recorded state before this run; null on the first run ever or without a monitor.</param>
/// <param name="IsPastDue">True when this run catches up an occurrence that was missed (for example while every host was down).</param>
public sealed record TimerInfo(ScheduleStatus? ScheduleStatus, bool IsPastDue);
