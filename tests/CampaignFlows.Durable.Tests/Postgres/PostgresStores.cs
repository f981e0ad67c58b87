using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Stores;
using CampaignFlows.Durable.Stores.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Durable.Tests.Postgres;

/// <summary>Store-level helpers: opening a store on a schema, and driving one instance to the point where it has queued an activity.</summary>
internal static class PostgresStores
{
    public static PostgresDurableStore Open(string connectionString) =>
        new(new DurableStoreSettings(connectionString, "CampaignFlows", 8 * 1024), TimeProvider.System, NullLogger.Instance);

    /// <summary>Creates an instance, leases it as <paramref name="owner"/> and commits an episode that schedules one activity.</summary>
    public static async Task<string> ScheduleOneActivityAsync(IDurableStore store, DateTime now, string owner = "host-a")
    {
        var id = Guid.NewGuid().ToString("N");
        var started = new HistoryEvent(EventType.ExecutionStarted, now) { Name = "Orchestrator", ExecutionId = "e1", Data = "\"in\"" };
        await store.CreateInstanceAsync(new NewInstance(id, "Orchestrator", "\"in\"", now, started, now), CancellationToken.None);
        var items = await store.LockOrchestrationsAsync(new OrchestrationLockRequest(owner, 10, now, now.AddSeconds(30), 100), CancellationToken.None);
        var item = Assert.Single(items);
        var scheduled = new HistoryEvent(EventType.TaskScheduled, now) { EventId = 0, Name = "Work" };
        var committed = await store.CommitOrchestrationAsync(new OrchestrationCommit
        {
            InstanceId = id,
            LockToken = item.LockToken,
            ConsumedMessages = item.Messages.Select(m => m.Seq).ToList(),
            NewHistory = [new HistoryEvent(EventType.OrchestratorStarted, now), started, scheduled],
            Update = new InstanceUpdate(OrchestrationRuntimeStatus.Running, "e1", null, null, null, null, now, null),
            Activities = [new NewActivity(id, "e1", 0, "Work", "\"job\"", 1, 0, "", 1, [], now)],
        }, CancellationToken.None);
        Assert.True(committed);
        return id;
    }

    public static InstanceMessage Completion(string instanceId, string result, DateTime now) =>
        new(instanceId, new HistoryEvent(EventType.TaskCompleted, now) { TaskScheduledId = 0, ExecutionId = "e1", Name = "Work", Data = result }, now);
}
