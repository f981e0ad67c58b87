using Npgsql;

namespace CampaignFlows.Functions.Tests.Support;

/// <summary>A fresh PostgreSQL database on the server named by CAMPAIGNFLOWS_TEST_POSTGRES, dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "CAMPAIGNFLOWS_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _name;

    private PostgresDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
            Assert.Fail($"{Variable} is not set: point it at a PostgreSQL server, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=campaignflows' (.ci/run starts one).");
        var name = "cf_functions_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgresDatabase(admin!, name, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
