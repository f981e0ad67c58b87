using CampaignFlows.Durable.Stores.Postgres;
using Npgsql;

namespace CampaignFlows.Durable.Tests.Postgres;

/// <summary>Connections cut by the server (a restart, a failover, an administrator) are retried, not surfaced.</summary>
public sealed class TransientErrorScenarios(PostgresStoreFixture db) : IClassFixture<PostgresStoreFixture>
{
    [Fact]
    public async Task Store_calls_succeed_after_the_server_terminates_every_pooled_connection()
    {
        await using var store = PostgresStores.Open(db.NewConnectionString());
        var now = DateTime.UtcNow;
        var id = await PostgresStores.ScheduleOneActivityAsync(store, now);

        var terminated = await db.ScalarAsync(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");

        Assert.True(Convert.ToInt32(terminated) > 0);
        var instance = await store.GetInstanceAsync(id, includePayloads: true, CancellationToken.None);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.Status);
        Assert.Single(await store.GetActivityCandidatesAsync(10, 10, now, CancellationToken.None));
    }
}
