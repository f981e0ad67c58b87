using System.Net;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using Npgsql;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

/// <summary>The accounting scenario on PostgreSQL, in a database of its own that is dropped afterwards.</summary>
public sealed class CampaignAccountingOnPostgres : IAsyncLifetime
{
    private readonly string _database = $"cf_e2e_{Guid.NewGuid():N}"[..30];
    private NpgsqlConnectionStringBuilder _server = null!;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CAMPAIGNFLOWS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CAMPAIGNFLOWS_TEST_POSTGRES is not set; point it at a PostgreSQL server (e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres).");
        _server = new NpgsqlConnectionStringBuilder(configured);
        await ExecuteAsync($"CREATE DATABASE {_database}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task EveryRecipientIsSentExactlyOnceOnPostgres()
    {
        var connection = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ConnectionString;
        await using var app = await CampaignApp.StartAsync(postgres: connection);
        var recipients = Recipients(200).Append(new { email = "USER1@example.com", name = "dup", data = new { offer = "x" } });

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("accounting-pg", recipients))).StatusCode);
        var view = await app.WaitForCampaignAsync("accounting-pg", TimeSpan.FromSeconds(120));

        Assert.Equal("Completed", view.GetProperty("runtimeStatus").GetString());
        var report = view.GetProperty("report");
        Assert.Equal(201, report.GetProperty("audience").GetInt64());
        Assert.Equal(200, report.GetProperty("unique").GetInt64());
        Assert.Equal(1, report.GetProperty("duplicates").GetInt64());
        Assert.Equal(200, report.GetProperty("sent").GetInt64());
        var sent = app.SentAddresses();
        Assert.Equal(200, sent.Count);
        Assert.All(sent, pair => Assert.Equal(1, pair.Value));
    }
}
