using System.Diagnostics;
using System.Text.Json.Nodes;
using CampaignFlows.Data;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampaignFlows.Bench;

/// <summary>
/// <c>data --store sqlite|postgres [--recipients 1000000] [--chunk 5000] [--parallel 4]</c>: loads a campaign's
/// recipients in chunks, then plans, claims and records every batch, as the campaign orchestration will.
/// PostgreSQL uses <c>--connection</c> or CAMPAIGNFLOWS_TEST_POSTGRES, in a schema of its own that is dropped afterwards.
/// </summary>
public sealed class DataSuite : IBenchSuite
{
    private static readonly string[] Domains = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "gmx.de", "web.de", "example.org", "example.com"];

    public string Name => "data";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var store = args.Get("store", CampaignDataOptions.Sqlite).ToLowerInvariant();
        var recipients = args.Get("recipients", 1_000_000);
        var chunkSize = args.Get("chunk", 5_000);
        var parallel = args.Get("parallel", 4);
        if (store is not (CampaignDataOptions.Sqlite or CampaignDataOptions.Postgres))
        {
            Console.Error.WriteLine($"--store must be sqlite or postgres, not '{store}'");
            return 2;
        }
        if (recipients < 1 || chunkSize < 1 || parallel < 1)
        {
            Console.Error.WriteLine("--recipients, --chunk and --parallel must be positive");
            return 2;
        }

        await using var target = BenchDatabase.Create(store, args);
        if (target is null) return 2;
        await using var services = new ServiceCollection().AddLogging().AddCampaignData(target.Configure).BuildServiceProvider();
        await services.GetRequiredService<CampaignDataInitializer>().InitializeAsync();
        var campaign = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;

        var loaded = await Measure(store, "insert", recipients, () => LoadAsync(services.GetRequiredService<IRecipientStore>(), campaign, recipients, chunkSize, now));
        var plan = await Measure(store, "plan", loaded, () => PlanAllAsync(services.GetRequiredService<IRecipientBatches>(), campaign));
        await Measure(store, "claim_record", loaded, () => SendAllAsync(services.GetRequiredService<IRecipientBatches>(), plan, parallel, now));
        var progress = services.GetRequiredService<IRecipientProgress>();
        var counts = await Measure(store, "progress_query", 100, async () =>
        {
            RecipientCounts last = RecipientCounts.Empty;
            for (var i = 0; i < 100; i++) last = await progress.GetCountsAsync(campaign);
            return last;
        });
        if (counts.Sent != loaded)
        {
            Console.Error.WriteLine($"expected {loaded} sent, found {counts.Sent}");
            return 1;
        }
        return 0;
    }

    private static async Task<int> LoadAsync(IRecipientStore store, string campaign, int recipients, int chunkSize, DateTimeOffset now)
    {
        var inserted = 0;
        for (var start = 0; start < recipients; start += chunkSize)
        {
            var rows = Enumerable.Range(start, Math.Min(chunkSize, recipients - start)).Select(i =>
            {
                var domain = Domains[i % Domains.Length];
                var address = $"user{i}@{domain}";
                return new RecipientRow(address, address, $"User {i}", i % 100, $$"""{"first":"User {{i}}"}""", domain);
            }).ToList();
            inserted += (await store.AddChunkAsync(campaign, rows, now)).Inserted;
        }
        return inserted;
    }

    private static async Task<List<BatchRef>> PlanAllAsync(IRecipientBatches batches, string campaign)
    {
        var all = new List<BatchRef>();
        long checkpoint = 0;
        while (true)
        {
            var plan = await batches.PlanBatchesAsync(campaign, checkpoint, 100);
            if (plan.Batches.Count == 0) return all;
            all.AddRange(plan.Batches);
            checkpoint = plan.Checkpoint;
        }
    }

    private static async Task<int> SendAllAsync(IRecipientBatches batches, List<BatchRef> plan, int parallel, DateTimeOffset now)
    {
        var recorded = 0;
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (batch, _) =>
        {
            var token = $"{batch.CampaignId}:{batch.Batch}";
            var claimed = await batches.ClaimBatchAsync(batch.CampaignId, batch.Batch, token, now);
            var results = claimed.Select(r => new RecipientResult(r.NormalizedAddress, SendOutcome.Sent, $"m-{batch.Batch}-{r.Sequence}", "bench")).ToList();
            // Counted in the campaign's and account's statistics in the same transaction, as every real send write is.
            Interlocked.Add(ref recorded, (await batches.RecordResultsAsync(batch.CampaignId, token, results, now,
                [StatsScope.Campaign(batch.CampaignId), StatsScope.Account("bench")])).Recorded);
        });
        return recorded;
    }

    private static async Task<T> Measure<T>(string store, string scenario, long items, Func<Task<T>> run)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await run();
        var seconds = clock.Elapsed.TotalSeconds;
        // On a shared machine wall time swings with other load; this process's CPU time shows what the client side cost.
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        BenchOutput.Line(new JsonObject
        {
            ["suite"] = "data",
            ["scenario"] = scenario,
            ["store"] = store,
            ["items"] = items,
            ["seconds"] = Math.Round(seconds, 3),
            ["per_second"] = Math.Round(items / seconds, 1),
            ["cpu_seconds"] = Math.Round(cpu, 3),
        });
        return result;
    }

    /// <summary>A throw-away database for one run: a temporary SQLite file or a PostgreSQL schema.</summary>
    private sealed class BenchDatabase(string provider, string connectionString, string schema, Func<ValueTask> cleanup) : IAsyncDisposable
    {
        public static BenchDatabase? Create(string store, BenchArgs args)
        {
            if (store == CampaignDataOptions.Sqlite)
            {
                var folder = Directory.CreateTempSubdirectory("cf-bench-data-").FullName;
                return new BenchDatabase(store, $"Data Source={Path.Combine(folder, "mail.db")}", "mail", () =>
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                    return ValueTask.CompletedTask;
                });
            }
            var connection = args.Get("connection", Environment.GetEnvironmentVariable("CAMPAIGNFLOWS_TEST_POSTGRES") ?? "");
            if (connection.Length == 0)
            {
                Console.Error.WriteLine("--store postgres needs --connection or CAMPAIGNFLOWS_TEST_POSTGRES");
                return null;
            }
            var schema = "bench_" + Guid.NewGuid().ToString("N")[..8];
            return new BenchDatabase(store, connection, schema, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(connection);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
                await drop.ExecuteNonQueryAsync();
            });
        }

        public void Configure(CampaignDataOptions options)
        {
            options.Provider = provider;
            options.ConnectionString = connectionString;
            options.Schema = schema;
        }

        public ValueTask DisposeAsync() => cleanup();
    }
}
