using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Stores.Postgres;
using CampaignFlows.Durable.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CampaignFlows.Durable.Tests.Postgres;

/// <summary>The versioned schema: applied once under a lock however many hosts start together, and upgraded in place.</summary>
public sealed class SchemaScenarios(PostgresStoreFixture db) : IClassFixture<PostgresStoreFixture>
{
    [Fact]
    public async Task Hosts_starting_together_on_an_empty_database_all_succeed_and_apply_each_version_once()
    {
        const string schema = "s_together";
        var stores = Enumerable.Range(0, 6).Select(_ => PostgresStores.Open(db.NewConnectionString(schema))).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(CancellationToken.None))));
        }
        finally
        {
            foreach (var store in stores) await store.DisposeAsync();
        }

        var latest = PostgresSchema.Scripts().Max(s => s.Version);
        Assert.Equal(latest, await db.ScalarAsync($"SELECT count(*) FROM {schema}.versions"));
        Assert.Equal(latest, await db.ScalarAsync($"SELECT count(DISTINCT version) FROM {schema}.versions"));
    }

    [Fact]
    public async Task Database_at_version_1_is_upgraded_on_start_and_keeps_its_queued_work()
    {
        const string schema = "s_upgrade";
        var connectionString = db.NewConnectionString(schema);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
            await PostgresSchema.ApplyAsync(dataSource, schema, NullLogger.Instance, CancellationToken.None, upToVersion: 1);
        var now = DateTime.UtcNow;
        var started = new HistoryEvent(EventType.ExecutionStarted, now) { Name = "Echo", Data = "\"kept\"", ExecutionId = "e1" };
        await ExecAsync(connectionString, $$"""
            INSERT INTO {{schema}}.instances (instance_id, name, execution_id, status, created_at, updated_at, input)
            VALUES ('from-v1', 'Echo', 'e1', 'Pending', {{now.Ticks}}, {{now.Ticks}}, '"kept"');
            INSERT INTO {{schema}}.new_events (instance_id, visible_at, body) VALUES ('from-v1', {{now.Ticks}}, @started);
            INSERT INTO {{schema}}.activities (instance_id, execution_id, task_id, name, attempt, priority, fairness_key, fairness_weight,
                                             rate_limits, visible_at, locked_until)
            VALUES ('elsewhere', 'e1', 0, 'Send', 1, 0, '', 1, '[{"key":"ses:primary","cost":50}]', {{now.Ticks}}, {{DateTime.MaxValue.Ticks}});
            """, started.Serialize());

        await using var engine = await TestEngine.StartAsync("postgres", connectionString, r => r
            .AddOrchestrator<string, string>("Echo", (_, input) => Task.FromResult(input)));
        var done = await engine.WaitAsync("from-v1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("kept", done.ReadOutputAs<string>());
        Assert.Equal(PostgresSchema.Scripts().Count, Convert.ToInt32(await db.ScalarAsync($"SELECT count(*) FROM {schema}.versions")));
        Assert.Equal("ses:primary", await db.ScalarAsync($"SELECT array_to_string(limit_keys, ',') FROM {schema}.activities WHERE instance_id = 'elsewhere'"));
    }

    [Fact]
    public void Open_with_a_hub_name_that_is_not_an_identifier_names_the_problem()
    {
        var settings = new Stores.DurableStoreSettings("Host=127.0.0.1", "Campaign-Flows!", 8192);

        var error = Assert.Throws<ArgumentException>(() => new PostgresDurableStore(settings, TimeProvider.System, NullLogger.Instance));

        Assert.Contains("campaign-flows!", error.Message, StringComparison.Ordinal);
        Assert.Contains("HubName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_without_a_host_names_the_missing_setting()
    {
        var settings = new Stores.DurableStoreSettings("Database=x", "CampaignFlows", 8192);

        var error = Assert.Throws<ArgumentException>(() => new PostgresDurableStore(settings, TimeProvider.System, NullLogger.Instance));

        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExecAsync(string connectionString, string sql, string started)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("started", started);
        await command.ExecuteNonQueryAsync();
    }
}
