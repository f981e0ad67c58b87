namespace CampaignFlows.Durable.Runtime;

/// <summary>
/// Runs every continuation of orchestrator code inline on the thread that applies history events, one at a time.
/// That makes an episode single-threaded and deterministic: completing a task runs the code up to its next await
/// that cannot complete, before the next event is applied.
/// </summary>
internal sealed class OrchestrationTaskScheduler : TaskScheduler
{
    protected override void QueueTask(Task task) => TryExecuteTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
