namespace CampaignFlows.Durable.Tests.Infrastructure;

/// <summary>A temporary folder; each connection string names a new database file in it.</summary>
public sealed class SqliteStoreFixture : IStoreFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("campaignflows-durable-").FullName;
    private int _next;

    public string StoreType => "sqlite";

    public string NewConnectionString() => $"Data Source={Path.Combine(_folder, $"engine-{Interlocked.Increment(ref _next)}.db")}";

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A child test-host may still hold a file for a moment; the OS temp cleaner takes it later.
        }
        return ValueTask.CompletedTask;
    }
}
