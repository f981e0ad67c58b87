using Npgsql;

namespace CampaignFlows.Data.Tests.Fixtures;

/// <summary>A fresh database on the test server for one test class, dropped afterwards.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "CAMPAIGNFLOWS_TEST_POSTGRES";

    private string _adminConnectionString = "";
    private readonly string _database = "cf_data_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The connection string of this class's database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Set it to a PostgreSQL connection string, e.g. " +
                "'Host=127.0.0.1;Port=55432;Username=postgres;Database=campaignflows' (.ci/run starts a server and exports it).");
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ToString();
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
