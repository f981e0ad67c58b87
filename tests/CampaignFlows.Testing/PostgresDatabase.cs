using Npgsql;

namespace CampaignFlows.Testing;

/// <summary>A fresh PostgreSQL database on the server named by CAMPAIGNFLOWS_TEST_POSTGRES (or given), dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "CAMPAIGNFLOWS_TEST_POSTGRES";

    private readonly string _admin;

    private PostgresDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>The server's connection string from CAMPAIGNFLOWS_TEST_POSTGRES; throws saying how to get one.</summary>
    public static string ServerFromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server
            : throw new InvalidOperationException($"{Variable} is not set: run `eval \"$(.ci/start-postgres)\"` first.");

    public static async Task<PostgresDatabase> CreateAsync(string prefix, string? server = null)
    {
        var admin = server ?? ServerFromEnvironment();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 13)];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresDatabase(admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
