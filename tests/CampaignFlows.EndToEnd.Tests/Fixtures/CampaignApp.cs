using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Campaigns;
using CampaignFlows.Sandbox;
using CampaignFlows.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.EndToEnd.Tests.Fixtures;

/// <summary>
/// The real app on a loopback port, sending through a sandbox started beside it (both over real HTTP), on SQLite in a
/// content root of its own, or on PostgreSQL when asked.
/// </summary>
public sealed class CampaignApp : IAsyncDisposable
{
    public const string MasterKey = "e2e-master-key";
    public const string FunctionKey = "e2e-function-key";

    // A content root the caller passed in outlives this app (a restart starts the next app on it).
    private readonly bool _ownsContentRoot;

    private CampaignApp(SandboxHost sandbox, WebApplication app, string contentRoot, bool ownsContentRoot)
    {
        Sandbox = sandbox;
        App = app;
        ContentRoot = contentRoot;
        _ownsContentRoot = ownsContentRoot;
        Url = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(120) };
        Client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    public SandboxHost Sandbox { get; }
    public WebApplication App { get; }
    public string ContentRoot { get; }
    public Uri Url { get; }
    public HttpClient Client { get; }

    /// <summary>Starts a sandbox (adjusted by <paramref name="sandbox"/>) and the app pointed at it.</summary>
    /// <param name="sandbox">Changes to the embedded accounts' sandbox options.</param>
    /// <param name="settings">Extra configuration for the app.</param>
    /// <param name="postgres">A PostgreSQL connection string for the engine and the data, or null for SQLite.</param>
    /// <param name="clock">A clock for both the app and the sandbox (e.g. a manual one that skips days), or null for the system clock.</param>
    /// <param name="contentRoot">An existing content root (from <see cref="NewContentRoot"/>) whose SQLite database and blobs the app
    /// takes over, e.g. to restart a host; the caller deletes it. Null for a fresh one that disposing deletes.</param>
    public static async Task<CampaignApp> StartAsync(Action<SandboxOptions>? sandbox = null, IReadOnlyDictionary<string, string?>? settings = null,
        string? postgres = null, TimeProvider? clock = null, string? contentRoot = null)
    {
        var options = EmbeddedSandbox.CreateOptions();
        options.EventDelayMilliseconds = 20;
        if (clock is not null) options.TimeProvider = clock;
        sandbox?.Invoke(options);
        var host = await SandboxHost.StartAsync(options);
        var root = contentRoot ?? NewContentRoot();
        var all = AppSettings.For(host.Url, postgres);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var args = all.Select(p => $"--{p.Key}={p.Value}").Append($"--contentRoot={root}").Append("--urls=http://127.0.0.1:0").ToArray();
        var app = FunctionApp.Build(args, clock is null ? null : b => b.Services.AddSingleton(clock));
        await app.StartAsync();
        return new CampaignApp(host, app, root, contentRoot is null);
    }

    /// <summary>A new content root with the app's keys, for <see cref="StartAsync"/> to share across restarts.</summary>
    public static string NewContentRoot() => AppContentRoot.Create("cf-e2e-", MasterKey, FunctionKey);

    /// <summary>Posts a campaign and returns the response.</summary>
    public Task<HttpResponseMessage> PostCampaignAsync(object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Client.SendAsync(request);
    }

    /// <summary>Polls the campaign until its orchestration has finished; returns its view.</summary>
    public async Task<JsonElement> WaitForCampaignAsync(string id, TimeSpan timeout, Func<JsonElement, bool>? until = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement view = default;
        while (DateTime.UtcNow < deadline)
        {
            var response = await Client.GetAsync($"/api/campaigns/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                view = await response.Content.ReadFromJsonAsync<JsonElement>();
                var status = view.GetProperty("runtimeStatus").GetString();
                if (until is not null ? until(view) : status is "Completed" or "Failed" or "Terminated") return view;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Campaign {id} did not get there within {timeout}; last view: {view}");
    }

    /// <summary>Every recipient address the sandbox accepted, with how many times.</summary>
    public Dictionary<string, int> SentAddresses() =>
        Sandbox.State.SentMessages().SelectMany(m => m.To).GroupBy(a => a, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
        if (_ownsContentRoot) DeleteContentRoot(ContentRoot);
    }

    /// <summary>Deletes a content root, leaving a database file still closing to the OS temp cleaner.</summary>
    public static void DeleteContentRoot(string contentRoot)
    {
        try
        {
            Directory.Delete(contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A database file still closing is left for the OS temp cleaner.
        }
    }
}
