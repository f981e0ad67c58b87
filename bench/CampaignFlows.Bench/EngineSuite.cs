using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using CampaignFlows.Durable;
using CampaignFlows.Durable.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CampaignFlows.Bench;

/// <summary>
/// The durable engine's throughput on one store: fan-out/fan-in, many short sequences, a shared rate limit with
/// weighted fairness, and the store's own single-row commit rate for comparison.
/// <c>engine --store sqlite|postgres [--connection ...] [--scenarios fanout,sequences,rate,storage_limit]</c>
/// </summary>
public sealed class EngineSuite : IBenchSuite
{
    public string Name => "engine";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var store = args.Get("store", "sqlite").ToLowerInvariant();
        if (store is not ("sqlite" or "postgres"))
        {
            Console.Error.WriteLine($"--store must be sqlite or postgres (was '{store}')");
            return 2;
        }
        var postgres = args.Get("connection", Environment.GetEnvironmentVariable("CAMPAIGNFLOWS_TEST_POSTGRES") ?? "");
        if (store == "postgres" && postgres.Length == 0)
        {
            Console.Error.WriteLine("--store postgres needs --connection or CAMPAIGNFLOWS_TEST_POSTGRES");
            return 2;
        }
        var scenarios = args.Get("scenarios", "fanout,sequences,rate,storage_limit").Split(',', StringSplitOptions.TrimEntries);
        await using var bench = new EngineBench(store, postgres);
        double? engineItemsPerSecond = null;
        if (scenarios.Contains("fanout")) engineItemsPerSecond = await bench.FanOutAsync(args.Get("fanout-items", 10_000));
        if (scenarios.Contains("sequences")) engineItemsPerSecond = await bench.SequencesAsync(args.Get("sequences", 1_000), 5);
        if (scenarios.Contains("rate")) await bench.RateAsync(args.Get("rate-limit", 200), args.Get("rate-seconds", 30));
        if (scenarios.Contains("storage_limit")) await bench.StorageLimitAsync(engineItemsPerSecond);
        return 0;
    }
}

/// <summary>The scenarios of <see cref="EngineSuite"/>; each runs on a fresh database, deleted when the bench is disposed.</summary>
internal sealed class EngineBench(string store, string postgres) : IAsyncDisposable
{
    private readonly List<string> _created = [];

    private string FreshConnection(string scenario)
    {
        if (store == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("engine-bench-").FullName;
            _created.Add(folder);
            return $"Data Source={Path.Combine(folder, scenario + ".db")}";
        }
        var database = $"bench_{scenario}_{Guid.NewGuid():N}"[..40];
        using var admin = new NpgsqlConnection(postgres);
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
        create.ExecuteNonQuery();
        _created.Add(database);
        return new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
    }

    /// <summary>Deletes the databases (or SQLite folders) the scenarios made; FORCE ends connections a pool still holds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (store == "sqlite")
        {
            SqliteConnection.ClearAllPools();
            foreach (var folder in _created) Directory.Delete(folder, recursive: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(postgres);
        await admin.OpenAsync();
        foreach (var database in _created)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private IHost Host(string connection, Action<DurableTaskRegistry> register, Action<DurableEngineOptions>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDurableEngine(o =>
        {
            o.StorageProvider.Type = store;
            o.StorageProvider.ConnectionString = connection;
            o.MaxConcurrentActivityFunctions = 200;
            o.MaxConcurrentOrchestratorFunctions = 100;
            o.ExtendedSessionsEnabled = true;
            o.MinPollingInterval = TimeSpan.FromMilliseconds(5);
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(o);
        });
        builder.Services.AddDurableTasks((_, r) => register(r));
        return builder.Build();
    }

    public async Task<double> FanOutAsync(int items)
    {
        using var host = Host(FreshConnection("fanout"), r => r
            .AddActivity<int, int>("Nop", (_, n) => Task.FromResult(n))
            .AddOrchestrator<int, int>("FanOut", async (ctx, n) => (await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("Nop", i)))).Length));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var watch = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("FanOut", items);
        var done = await client.WaitForInstanceCompletionAsync(id, true);
        var seconds = watch.Elapsed.TotalSeconds;
        await host.StopAsync();
        if (done.ReadOutputAs<int>() != items) throw new InvalidOperationException($"fan-in returned {done.ReadOutputAs<int>()} of {items}");
        Print("fanout", items, seconds, "Netherite 1,000/s on 2 cores", 1000);
        return items / seconds;
    }

    public async Task<double> SequencesAsync(int orchestrations, int steps)
    {
        using var host = Host(FreshConnection("sequences"), r => r
            .AddActivity<int, int>("Nop", (_, n) => Task.FromResult(n + 1))
            .AddOrchestrator<int, int>("Sequence", async (ctx, n) =>
            {
                for (var i = 0; i < steps; i++) n = await ctx.CallActivityAsync<int>("Nop", n);
                return n;
            }));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var watch = Stopwatch.StartNew();
        // Starts come from 32 concurrent callers, as requests to the HTTP API would; each is one durable commit. A single
        // serial caller measures its own commit latency instead of the engine (schedule_seconds shows the share).
        var ids = new string[orchestrations];
        await Parallel.ForAsync(0, orchestrations, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, ct) => ids[i] = await client.ScheduleNewOrchestrationInstanceAsync("Sequence", 0, cancellation: ct));
        var scheduleSeconds = watch.Elapsed.TotalSeconds;
        foreach (var id in ids) await client.WaitForInstanceCompletionAsync(id);
        var seconds = watch.Elapsed.TotalSeconds;
        await host.StopAsync();
        // Work items as Durable Task counts them: each activity run and each orchestrator episode (steps + 1 per instance).
        var items = orchestrations * (steps + steps + 1);
        Print("sequences", items, seconds, "Durable Task Scheduler ~1,400/s per 2-core worker", 1400, new JsonObject
        {
            ["activities"] = orchestrations * steps,
            ["episodes"] = orchestrations * (steps + 1),
            ["schedule_seconds"] = Math.Round(scheduleSeconds, 3),
        });
        return items / seconds;
    }

    public async Task RateAsync(int limit, int seconds)
    {
        var dispatched = new ConcurrentQueue<(string Key, long At)>();
        var weights = new Dictionary<string, int> { ["w4"] = 4, ["w3"] = 3, ["w2"] = 2, ["w1"] = 1 };
        using var host = Host(FreshConnection("rate"), r => r
            .AddActivity<string, int>("Send", (ctx, key) =>
            {
                dispatched.Enqueue((key, ((CampaignFlows.Durable.Runtime.ActivityContext)ctx).LeasedAt.Ticks));
                return Task.FromResult(1);
            })
            .AddOrchestrator<object?, int>("Campaigns", async (ctx, _) =>
            {
                // All four keys are enqueued in one checkpoint, so every key is backlogged from the first dispatch.
                var sends = Enumerable.Range(0, limit * seconds).SelectMany(_ => weights.Select(w => ctx.CallActivityAsync<int>("Send", w.Key,
                    new TaskOptions { RateLimits = [new RateLimit("ses:bench")], Fairness = new Fairness(w.Key, w.Value) })));
                return (await Task.WhenAll(sends)).Length;
            }), o => o.FlowLimits["ses:bench"] = new FlowLimit { PerSecond = limit });
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        await client.ScheduleNewOrchestrationInstanceAsync("Campaigns");
        while (dispatched.IsEmpty) await Task.Delay(10);
        var start = dispatched.Min(d => d.At);
        await Task.Delay(TimeSpan.FromSeconds(seconds + 1));
        await host.StopAsync();
        var window = dispatched.Where(d => d.At < start + TimeSpan.FromSeconds(seconds).Ticks).ToList();
        var times = window.Select(d => d.At).Order().ToArray();
        var max1s = 0;
        for (int lo = 0, hi = 0; hi < times.Length; hi++)
        {
            while (times[hi] - times[lo] >= TimeSpan.TicksPerSecond) lo++;
            max1s = Math.Max(max1s, hi - lo + 1);
        }
        var shares = new JsonObject();
        foreach (var key in weights.Keys) shares[key] = Math.Round(window.Count(d => d.Key == key) * 100.0 / window.Count, 1);
        Print("rate", window.Count, seconds, "the configured limit", limit, new JsonObject
        {
            ["limit"] = limit,
            ["utilisation"] = Math.Round(window.Count / (double)(limit * seconds), 4),
            ["max_1s_window"] = max1s,
            ["shares"] = shares,
            ["weights"] = "4:3:2:1",
        });
    }

    /// <summary>Single-row durable commits on the same kind of store: the ceiling the engine's checkpoints compete with.</summary>
    public async Task StorageLimitAsync(double? engineItemsPerSecond)
    {
        const int commits = 5000;
        var connection = FreshConnection("storage");
        var watch = Stopwatch.StartNew();
        if (store == "sqlite")
        {
            await using var db = new SqliteConnection(connection);
            db.Open();
            Exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            watch.Restart();
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
            var v = insert.Parameters.Add("$v", SqliteType.Text);
            for (var i = 0; i < commits; i++)
            {
                Exec(db, "BEGIN IMMEDIATE");
                v.Value = "x";
                insert.ExecuteNonQuery();
                Exec(db, "COMMIT");
            }
        }
        else
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE TABLE t (id bigserial PRIMARY KEY, v text)", db)) await create.ExecuteNonQueryAsync();
            watch.Restart();
            await using var insert = new NpgsqlCommand("INSERT INTO t (v) VALUES ($1)", db);
            insert.Parameters.Add(new NpgsqlParameter { Value = "x" });
            await insert.PrepareAsync();
            for (var i = 0; i < commits; i++) await insert.ExecuteNonQueryAsync();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var extra = new JsonObject();
        if (engineItemsPerSecond is { } engine) extra["engine_items_per_raw_commit"] = Math.Round(engine / (commits / seconds), 3);
        Print("storage_limit", commits, seconds, "raw single-row commits (self)", commits / seconds, extra);
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Print(string scenario, int items, double seconds, string anchor, double anchorPerSecond, JsonObject? extra = null)
    {
        var perSecond = items / seconds;
        var line = new JsonObject
        {
            ["suite"] = "engine",
            ["scenario"] = scenario,
            ["store"] = store,
            ["items"] = items,
            ["seconds"] = Math.Round(seconds, 3),
            ["per_second"] = Math.Round(perSecond, 1),
            ["peak_rss_mb"] = BenchOutput.PeakRssMb(),
            ["anchor"] = anchor,
            ["anchor_per_second"] = Math.Round(anchorPerSecond, 1),
            ["ratio"] = Math.Round(perSecond / anchorPerSecond, 3),
        };
        foreach (var (key, value) in extra ?? []) line[key] = value?.DeepClone();
        BenchOutput.Line(line);
    }
}
