using System.Diagnostics;
using CampaignFlows.Reliability.Tests.Faults;
using CampaignFlows.Reliability.Tests.Fixtures;
using Npgsql;
using Xunit.Abstractions;

namespace CampaignFlows.Reliability.Tests.Stores;

/// <summary>
/// The store failing under a sending campaign: the PostgreSQL server restarted, the SQLite file locked by another
/// process. The host retries, says so in its logs, and the campaign completes with everyone sent once.
/// </summary>
public sealed class StoreFaults(ITestOutputHelper output)
{
    private const string Primary = "AKIDMARKETINGPRIMARY";

    [Fact]
    public async Task PostgresRestartedMidRunIsRiddenOut()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await using var database = await PostgresDatabase.CreateAsync("cf_restart", server.ConnectionString);
        var settings = new Dictionary<string, string?>();
        AppSettings.UsePostgres(settings, database.ConnectionString);
        await using var app = await InProcessApp.StartAsync(settings, o => o.Accounts[Primary] = o.Accounts[Primary] with { MaxSendRate = 200 });

        var down = Stopwatch.StartNew();
        var outcome = await FaultRun.RunAsync(app, "pg-restart", 2_000, async () =>
        {
            await FaultRun.SentAtLeastAsync(app, 400);
            await server.StopAsync();
            down.Restart();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await server.StartServerAsync();
            down.Stop();
        }, TimeSpan.FromMinutes(3));
        var retries = app.Logs.Where(IsStoreRetry).ToList();
        output.WriteLine($"{outcome.Status}, down {down.Elapsed.TotalSeconds:F1} s, sent {outcome.Sent.Count}, duplicates {SentLog.Duplicates(outcome.Sent)}, retry lines {retries.Count}");
        foreach (var line in retries.Take(5)) output.WriteLine(line);

        Assert.Equal("Completed", outcome.Status);
        CampaignAssertions.AccountsForEveryone(outcome.View, 2_000);
        Assert.Equal(2_000, outcome.Sent.Count);
        Assert.InRange(SentLog.Duplicates(outcome.Sent), 0, 20 * 50);
        Assert.NotEmpty(retries);
        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task SqliteFileLockedByAnotherProcessIsWaitedOut()
    {
        await using var app = await InProcessApp.StartAsync(sandbox: o => o.Accounts[Primary] = o.Accounts[Primary] with { MaxSendRate = 200 });
        var file = Directory.GetFiles(Path.Combine(app.ContentRoot, ".data"), "*.db", SearchOption.AllDirectories)
            .OrderByDescending(f => new FileInfo(f).Length).First();
        var outcome = await FaultRun.RunAsync(app, "sqlite-lock", 2_000, async () =>
        {
            await FaultRun.SentAtLeastAsync(app, 400);
            // Longer than the stores' busy timeouts (10 s), so the host sees SQLITE_BUSY rather than just waiting.
            await HoldExclusiveLockAsync(file, TimeSpan.FromSeconds(12));
        }, TimeSpan.FromMinutes(3));
        var retries = app.Logs.Where(IsStoreRetry).ToList();
        output.WriteLine($"{outcome.Status}, locked {file}, sent {outcome.Sent.Count}, retry lines {retries.Count}");
        foreach (var line in app.Logs.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)).Take(10))
            output.WriteLine(line.Length > 600 ? line[..600] : line);

        Assert.Equal("Completed", outcome.Status);
        FaultRun.AssertNothingLostOrDoubled(outcome);
        Assert.Equal(2_000, outcome.Sent.Count);
        Assert.True(retries.Count > 0, "sending stalled for 12 s behind another process's lock and the host logged nothing about it");
    }

    /// <summary>A warning or error that names the store's trouble (a transient failure being retried, a busy or locked file).</summary>
    private static bool IsStoreRetry(string line) =>
        (line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal))
        && new[] { "retry", "retrying", "transient", "busy", "database is locked" }.Any(word => line.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Another OS process (python3's sqlite3) takes the write lock and holds it, as a backup tool or a stray CLI would.</summary>
    private static async Task HoldExclusiveLockAsync(string file, TimeSpan hold)
    {
        var script = $"import sqlite3,sys,time\nc=sqlite3.connect(sys.argv[1],timeout=30,isolation_level=None)\nc.execute('BEGIN EXCLUSIVE')\nprint('locked',flush=True)\ntime.sleep({hold.TotalSeconds})\nc.execute('COMMIT')";
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", script, file }) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        Assert.Equal("locked", await process.StandardOutput.ReadLineAsync());
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
    }
}
