using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;

namespace CampaignFlows.Triggers;

/// <summary>Raises the daily step of every running warm-up, on the schedule in <c>Warmup:DailyStepSchedule</c> (09:00 UTC by default).</summary>
/// <remarks>
/// The step names its calendar date, so a timer run caught up after downtime, a run retried after a crash or a step
/// racing the orchestration's own 26 h fallback never steps a warm-up day twice: the orchestration ignores a date it
/// has already stepped.
/// </remarks>
public sealed class WarmupDailyStep(TimeProvider time)
{
    /// <summary>Sends the step for today's date to each running or suspended warm-up.</summary>
    [Function(nameof(WarmupDailyStep))]
    public async Task Run([TimerTrigger("%" + WarmupOptions.ScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client,
        CancellationToken cancellation)
    {
        var step = WarmupSignal.Step(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = WarmupIds.Prefix,
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
        };
        await foreach (var instance in client.QueryInstances(query, cancellation))
        {
            if (instance.Name == nameof(Orchestrations.WarmupOrchestrator))
                await client.RaiseEventAsync(instance.InstanceId, WarmupSignal.EventName, step, cancellation);
        }
    }
}
