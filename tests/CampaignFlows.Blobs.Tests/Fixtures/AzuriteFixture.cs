using System.Diagnostics;
using System.Text;

namespace CampaignFlows.Blobs.Tests.Fixtures;

/// <summary>
/// Starts a private Azurite (blob, queue and table on free loopback ports, data in a temp folder) for the
/// test collection, and kills its whole process tree on dispose.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder output = new();
    private Process? process;
    private string? dataFolder;

    public Uri BlobEndpoint { get; private set; } = null!;

    public StorageAccount Account { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={StorageAccount.DevelopmentAccountName};"
        + $"AccountKey={StorageAccount.DevelopmentAccountKey};BlobEndpoint={BlobEndpoint};";

    public BlobClient CreateClient(BlobClientOptions? options = null, TimeProvider? clock = null) =>
        new(Http, Account, options, clock);

    public async Task InitializeAsync()
    {
        var azurite = FindAzurite(AppContext.BaseDirectory);
        dataFolder = Directory.CreateTempSubdirectory("azurite-").FullName;

        // A free port can be taken by another process between probing and Azurite binding it; try afresh then.
        for (var attempt = 1; ; attempt++)
        {
            var blobPort = FreePort();
            process = Start(azurite, dataFolder, blobPort, FreePort(), FreePort());
            BlobEndpoint = new Uri($"http://127.0.0.1:{blobPort}/{StorageAccount.DevelopmentAccountName}");
            Account = StorageAccount.Parse(ConnectionString);
            try
            {
                await WaitUntilAnsweringAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && Output().Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                process.Dispose();
                lock (output)
                {
                    output.Clear();
                }
            }
        }
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process?.Dispose();
        Http.Dispose();
        if (dataFolder is not null)
        {
            Directory.Delete(dataFolder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
