using System.Diagnostics;

namespace CampaignFlows.Testing;

/// <summary>
/// A PostgreSQL cluster of this test's own (initdb in a temp folder, a free port), so the test can stop and restart the
/// server without disturbing other tests that share the CI server. Runs as the postgres user, which the server needs
/// when the tests run as root.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string _data;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _data = Path.Combine(folder, "db");
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public int Port { get; }

    /// <summary>The <c>postgres</c> database of the cluster, for creating the test's own database.</summary>
    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("CAMPAIGNFLOWS_PG_BIN") is { Length: > 0 } configured ? configured
            : Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Order().LastOrDefault()
              ?? throw new InvalidOperationException("No PostgreSQL binaries: set CAMPAIGNFLOWS_PG_BIN or run .ci/start-postgres once.");
        var folder = Directory.CreateTempSubdirectory("cf-pg-private-").FullName;
        var server = new PrivatePostgres(bin, folder, Ports.Free());
        await RunAsync("chown", "-R", "postgres:postgres", folder);
        await server.AsPostgresAsync($"{bin}/initdb -D {server._data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Stops the server the way an operator's restart does (fast: connections are cut), and waits until it is down.</summary>
    public Task StopAsync() => AsPostgresAsync($"{_bin}/pg_ctl -D {_data} -m fast -w stop");

    /// <summary>Starts it again on the same port and data, and waits until it accepts connections.</summary>
    public Task StartServerAsync() =>
        AsPostgresAsync($"{_bin}/pg_ctl -D {_data} -l {_folder}/server.log -o '-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200' -w start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync($"{_bin}/pg_ctl -D {_data} -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        AppContentRoot.DeleteQuietly(_folder);
    }

    private Task AsPostgresAsync(string command) => RunAsync("su", "postgres", "-c", command);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }

}
