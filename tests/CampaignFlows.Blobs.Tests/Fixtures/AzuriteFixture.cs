using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CampaignFlows.Blobs;

namespace CampaignFlows.Blobs.Tests.Fixtures;

/// <summary>
/// Starts a private Azurite (blob, queue and table on free loopback ports, data in a temp folder) for the
/// test collection, and kills its whole process tree on dispose.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
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

    public static string FindAzurite(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Azurite is not installed: no node_modules/.bin/azurite in {startDirectory} or any folder above it. "
            + "Run `npm ci` in the repository root first.");
    }

    private Process Start(string azurite, string location, int blobPort, int queuePort, int tablePort)
    {
        var start = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--disableTelemetry", "--location", location,
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
            "--skipApiVersionCheck", "--loose",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process started;
        try
        {
            started = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {azurite}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start {azurite} (is Node.js on PATH? run `npm ci`): {e.Message}", e);
        }

        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} while starting:\n{Output()}");
            }

            try
            {
                // Any HTTP answer (even 4xx for the unsigned request) means the blob service is listening.
                using var response = await Http.GetAsync(BlobEndpoint + "?comp=list");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not answer on {BlobEndpoint} within {StartTimeout}:\n{Output()}");
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
