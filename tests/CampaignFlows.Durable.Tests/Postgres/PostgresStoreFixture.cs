using CampaignFlows.Durable.Tests.Infrastructure;
using Npgsql;

namespace CampaignFlows.Durable.Tests.Postgres;

/// <summary>
/// A fresh database on the server named by CAMPAIGNFLOWS_TEST_POSTGRES, created for one test class and dropped after it;
/// each connection string names a new schema in it (the store keeps a hub in the schema its Search Path names).
/// </summary>
public sealed class PostgresStoreFixture : IStoreFixture, IAsyncLifetime
{
    public const string Variable = "CAMPAIGNFLOWS_TEST_POSTGRES";

    private readonly string _server;
    private int _next;

    public PostgresStoreFixture()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable}, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=campaignflows' (.ci/run does).");
        Database = $"cf_durable_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database}\"", connection);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Database }.ToString();
    }

    public string StoreType => "postgres";

    /// <summary>This class's database.</summary>
    public string Database { get; }

    /// <summary>The database without a schema: stores pick the schema from the hub name.</summary>
    public string ConnectionString { get; }

    public string NewConnectionString() => NewConnectionString($"s{Interlocked.Increment(ref _next)}");

    public string NewConnectionString(string schema) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ToString();

    /// <summary>Runs one statement against this class's database.</summary>
    public async Task<object?> ScalarAsync(string sql, string? schema = null)
    {
        await using var connection = new NpgsqlConnection(schema is null ? ConnectionString : NewConnectionString(schema));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>xunit 2 ends class fixtures through <see cref="IAsyncLifetime"/>, not <see cref="IAsyncDisposable"/>.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
