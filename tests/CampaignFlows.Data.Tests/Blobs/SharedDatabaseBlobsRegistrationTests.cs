using CampaignFlows.Blobs;
using CampaignFlows.Data.Blobs;
using CampaignFlows.Data.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Data.Tests.Blobs;

/// <summary>Which store the app gets without a storage account: the shared database on PostgreSQL, the local folder on SQLite.</summary>
public sealed class SharedDatabaseBlobsRegistrationTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-blob-registration-").FullName;

    [Fact]
    public async Task PostgresCampaignDataKeepsBlobsInTheDatabase()
    {
        await using var provider = Build(CampaignDataOptions.Postgres, server.ConnectionString);
        await provider.GetRequiredService<CampaignDataInitializer>().InitializeAsync();

        var store = provider.GetRequiredService<IBlobStore>();
        await store.CreateContainerAsync("audiences");
        await store.UploadAsync("audiences", "c-1.csv", new MemoryStream("email\na@example.com\n"u8.ToArray()), "text/csv");

        Assert.IsType<DatabaseBlobStore>(store);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_folder, "blobs")));
        Assert.StartsWith("http://127.0.0.1:7071/blobs/audiences/c-1.csv?", store.CreateReadLink("audiences", "c-1.csv").AbsoluteUri);
    }

    [Fact]
    public async Task SqliteCampaignDataKeepsTheLocalFolder()
    {
        await using var provider = Build(CampaignDataOptions.Sqlite, $"Data Source={Path.Combine(_folder, "mail.db")}");

        Assert.Same(provider.GetRequiredService<LocalFolderBlobStore>(), provider.GetRequiredService<IBlobStore>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProvider Build(string provider, string connectionString) =>
        new ServiceCollection()
            .AddLogging()
            .AddCampaignData(o =>
            {
                o.Provider = provider;
                o.ConnectionString = connectionString;
                o.Schema = "r_" + Guid.NewGuid().ToString("N")[..12];
            })
            .AddBlobStore(null, _ => new LocalFolderBlobStoreOptions
            {
                RootPath = Path.Combine(_folder, "blobs"),
                LinkBaseUri = new Uri("http://127.0.0.1:7071/blobs"),
                SigningKey = HostBlobLinkKey.Derive(null, "master-key"),
            })
            .AddSharedDatabaseBlobs()
            .BuildServiceProvider();
}
