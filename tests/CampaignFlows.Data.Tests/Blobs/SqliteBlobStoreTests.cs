namespace CampaignFlows.Data.Tests.Blobs;

/// <summary>The database blob store on SQLite, one temporary database file per test.</summary>
public sealed class SqliteBlobStoreTests : DatabaseBlobStoreConformance
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-blobs-").FullName;

    protected override CampaignDataOptions Options => new()
    {
        Provider = CampaignDataOptions.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder, "mail.db")}",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
