using System.Text;
using CampaignFlows.Campaigns;
using CampaignFlows.Sandbox;
using CampaignFlows.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Bench;

/// <summary>
/// The app on its own content root (SQLite, or a PostgreSQL database of its own), sending through a sandbox in this
/// process over HTTP, with a client holding the function key. Disposing stops both and removes what they left.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private const string FunctionKey = "bench-function-key";
    private readonly PostgresDatabase? _database;
    private readonly string _root;

    private BenchApp(SandboxHost sandbox, WebApplication app, string root, PostgresDatabase? database)
    {
        Sandbox = sandbox;
        App = app;
        _root = root;
        _database = database;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
        Client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    public SandboxHost Sandbox { get; }
    public WebApplication App { get; }
    public HttpClient Client { get; }

    /// <summary>
    /// Starts a sandbox with <paramref name="sandbox"/> and the app pointed at it; <paramref name="settings"/> changes the
    /// app's settings (the embedded accounts, warnings-only logging, PostgreSQL when <paramref name="store"/> says so).
    /// </summary>
    public static async Task<BenchApp> StartAsync(string prefix, SandboxOptions sandbox, Action<Dictionary<string, string?>>? settings = null,
        string store = "sqlite")
    {
        var host = await SandboxHost.StartAsync(sandbox);
        var database = store == "postgres" ? await PostgresDatabase.CreateAsync("cf_bench_" + prefix, PostgresDatabase.ServerFromEnvironment()) : null;
        var values = AppSettings.For(host.Url, database?.ConnectionString);
        values["Logging:LogLevel:Default"] = "Warning";
        settings?.Invoke(values);
        var root = AppContentRoot.Create($"cf-bench-{prefix}-", "bench-master-key", FunctionKey);
        var app = FunctionApp.Build([.. AppSettings.ToArguments(values), $"--contentRoot={root}", "--urls=http://127.0.0.1:0"]);
        await app.StartAsync();
        return new BenchApp(host, app, root, database);
    }

    /// <summary>Stores an audience CSV of <c>user1@example.com</c>... with a name column, as a shop would upload it.</summary>
    public async Task SaveAudienceAsync(string blobName, int recipients)
    {
        var csv = Path.Combine(_root, blobName);
        await using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("email,name");
            for (var i = 1; i <= recipients; i++) await writer.WriteLineAsync($"user{i}@example.com,User {i}");
        }
        await using var file = File.OpenRead(csv);
        await App.Services.GetRequiredService<AudienceStore>().SaveAsync(blobName, file, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        AppContentRoot.DeleteQuietly(_root);
    }
}
