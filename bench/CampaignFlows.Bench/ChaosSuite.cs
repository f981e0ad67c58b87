using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlows.Campaigns;
using CampaignFlows.Sandbox;
using Npgsql;

namespace CampaignFlows.Bench;

/// <summary>
/// <c>chaos [--store sqlite|postgres] [--audience 200000] [--kills 10] [--seed 1]</c>: one campaign in a child host
/// (<c>dotnet CampaignFlows.dll start</c>) SIGKILLed at seeded random moments and restarted each time, sending through
/// a sandbox in this process, whose sent log is the truth for "sent". Prints kills, lost (must be 0), duplicates and
/// the seconds from each restart until sending resumed.
/// </summary>
public sealed class ChaosSuite : IBenchSuite
{
    private const string FunctionKey = "chaos-function-key";
    private const string CampaignId = "chaos";

    private readonly ConcurrentQueue<string> _output = new();

    public string Name => "chaos";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var store = args.Get("store", "sqlite");
        var audience = args.Get("audience", 200_000);
        var kills = args.Get("kills", 10);
        var random = new Random(args.Get("seed", 1));
        if (store is not ("sqlite" or "postgres") || audience < 1 || kills < 0)
        {
            Console.Error.WriteLine("--store must be sqlite or postgres; --audience positive; --kills zero or more");
            return 2;
        }
        string? postgres = null;
        if (store == "postgres")
        {
            var server = args.Get("connection", Environment.GetEnvironmentVariable("CAMPAIGNFLOWS_TEST_POSTGRES") ?? "");
            if (server.Length == 0)
            {
                Console.Error.WriteLine("--store postgres needs --connection or CAMPAIGNFLOWS_TEST_POSTGRES");
                return 2;
            }
            postgres = await CreateDatabaseAsync(server);
        }

        var options = EmbeddedSandbox.CreateOptions();
        options.EventDelayMilliseconds = 20;
        options.MessageLogCapacity = audience * 2;
        await using var sandbox = await SandboxHost.StartAsync(options);
        var root = ContentRoot();
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        var arguments = Arguments(root, port, sandbox.Url, postgres);
        var clock = Stopwatch.StartNew();

        var host = await StartHostAsync(arguments, client);
        var body = new
        {
            id = CampaignId,
            from = "news@shop.example",
            template = new { subject = "Hello {{name}}", text = "Hi {{name}}, {{offer}}" },
            recipients = Enumerable.Range(1, audience).Select(i => new { email = $"user{i}@example.com", name = $"User {i}", data = new { offer = $"code-{i}" } }),
        };
        var post = await client.PostAsJsonAsync("/api/campaigns", body);
        if (post.StatusCode != HttpStatusCode.Accepted)
        {
            Console.Error.WriteLine($"campaign refused: {(int)post.StatusCode} {await post.Content.ReadAsStringAsync()}");
            return 1;
        }

        var recover = new List<double>();
        var done = 0;
        await WaitForSentAsync(sandbox, 1);
        var step = audience / (kills + 1);
        while (done < kills && Sent(sandbox) < audience * 0.95)
        {
            await WaitForSentAsync(sandbox, Math.Min((done + 1) * step - random.Next(0, Math.Max(1, step / 2)), (int)(audience * 0.95)));
            await Task.Delay(random.Next(0, 1000));
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            done++;
            var before = Sent(sandbox);
            var restarted = Stopwatch.StartNew();
            host = await StartHostAsync(arguments, client);
            if (!await IsFinishedAsync(client))
            {
                await WaitForSentAsync(sandbox, before + 1);
                recover.Add(Math.Round(restarted.Elapsed.TotalSeconds, 2));
            }
        }

        var report = await WaitForFinishedAsync(client);
        host.Kill(entireProcessTree: true);
        var sent = sandbox.State.SentMessages().SelectMany(m => m.To)
            .GroupBy(a => a, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var lost = Enumerable.Range(1, audience).Count(i => !sent.ContainsKey($"user{i}@example.com"));
        BenchOutput.Line(new JsonObject
        {
            ["suite"] = "chaos",
            ["store"] = store,
            ["audience"] = audience,
            ["kills"] = done,
            ["lost"] = lost,
            ["duplicates"] = sent.Values.Sum(c => c - 1),
            ["recover_seconds"] = new JsonArray([.. recover.Select(r => JsonValue.Create(r))]),
            ["recover_seconds_max"] = recover.Count == 0 ? 0 : recover.Max(),
            ["recover_seconds_mean"] = recover.Count == 0 ? 0 : Math.Round(recover.Average(), 2),
            ["status"] = report.GetProperty("runtimeStatus").GetString(),
            ["report_sent"] = report.GetProperty("report").GetProperty("sent").GetInt64(),
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
        });
        TryDelete(root);
        return lost == 0 ? 0 : 1;
    }

    private async Task<Process> StartHostAsync(IReadOnlyList<string> arguments, HttpClient client)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"host exited with {process.ExitCode}: {string.Join('\n', _output.TakeLast(30))}");
            try
            {
                if ((await client.GetAsync("/api/campaigns")).StatusCode == HttpStatusCode.OK) return process;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("host did not answer within 2 minutes");
    }

    private static List<string> Arguments(string root, int port, Uri sandbox, string? postgres)
    {
        var settings = new Dictionary<string, string?>(EmbeddedSandbox.Settings(sandbox));
        if (postgres is not null)
        {
            settings["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "postgres";
            settings["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionStringName"] = "CampaignFlowsDatabase";
            settings["CampaignFlowsDatabase"] = postgres;
        }
        return [Path.Combine(AppContext.BaseDirectory, "CampaignFlows.dll"), "start", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"--contentRoot={root}", .. settings.Select(p => $"--{p.Key}={p.Value}")];
    }

    private static string ContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("cf-chaos-").FullName;
        File.WriteAllText(Path.Combine(root, "host.json"), """
            { "version": "2.0",
              "logging": { "logLevel": { "default": "Warning" } },
              "extensions": { "durableTask": { "hubName": "CampaignFlows", "storageProvider": { "type": "sqlite" }, "maxConcurrentActivityFunctions": 20, "maxConcurrentOrchestratorFunctions": 20 },
                              "http": { "routePrefix": "api", "maxRequestBodySize": 268435456 } } }
            """);
        File.WriteAllText(Path.Combine(root, "local.settings.json"),
            $$"""{ "IsEncrypted": false, "Values": { "MasterKey": "chaos-master-key", "FunctionKeys__default": "{{FunctionKey}}", "Warmup:DailyStepSchedule": "0 0 9 * * *" } }""");
        return root;
    }

    private static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = $"cf_chaos_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static int Sent(SandboxHost sandbox) => sandbox.State.SentMessages().Sum(m => m.To.Count);

    private static async Task WaitForSentAsync(SandboxHost sandbox, int atLeast)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (Sent(sandbox) < atLeast)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no send progress past {Sent(sandbox)} in 5 minutes (wanted {atLeast})");
            await Task.Delay(20);
        }
    }

    private static async Task<bool> IsFinishedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{CampaignId}")).GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated";

    private static async Task<JsonElement> WaitForFinishedAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        while (DateTime.UtcNow < deadline)
        {
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{CampaignId}");
            if (view.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated") return view;
            await Task.Delay(500);
        }
        throw new TimeoutException("campaign stuck: not finished 15 minutes after the last restart");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A database file still closing is left for the OS temp cleaner.
        }
    }
}
