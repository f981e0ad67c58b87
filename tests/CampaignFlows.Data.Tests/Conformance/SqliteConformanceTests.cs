namespace CampaignFlows.Data.Tests.Conformance;

/// <summary>The conformance suite on SQLite, one temporary database file per test.</summary>
public sealed class SqliteConformanceTests : DataStoreConformance
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-data-").FullName;

    protected override CampaignDataOptions Options => new()
    {
        Provider = CampaignDataOptions.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder, "mail.db")}",
    };

    protected override void PointAtOtherDatabase(CampaignDataOptions options, string name) =>
        options.ConnectionString = $"Data Source={Path.Combine(_folder, name + ".db")}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
