using System.Collections.Concurrent;
using CampaignFlows.Campaigns;
using CampaignFlows.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Reliability.Tests.Fixtures;

/// <summary>The real app in this process on a loopback port, sending through a sandbox beside it, with every log line captured.</summary>
public sealed class InProcessApp : IAsyncDisposable
{
    private InProcessApp(SandboxHost sandbox, WebApplication app, string root, ConcurrentQueue<string> logs)
    {
        Sandbox = sandbox;
        App = app;
        ContentRoot = root;
        Logs = logs;
        Url = new Uri(app.Urls.First());
    }

    public SandboxHost Sandbox { get; }
    public WebApplication App { get; }
    public string ContentRoot { get; }
    public ConcurrentQueue<string> Logs { get; }
    public Uri Url { get; }

    /// <summary>A client carrying <paramref name="key"/> (none when null).</summary>
    public HttpClient Client(string? key = HostSettings.FunctionKey)
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    /// <param name="settings">Extra configuration for the app.</param>
    /// <param name="sandbox">Changes to the embedded accounts' sandbox options before it starts.</param>
    /// <param name="configure">Last changes to the app's configuration, knowing the sandbox (e.g. to route a service through a proxy).</param>
    public static async Task<InProcessApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<SandboxOptions>? sandbox = null,
        Func<SandboxHost, Dictionary<string, string?>, Task>? configure = null)
    {
        var options = EmbeddedSandbox.CreateOptions();
        options.EventDelayMilliseconds = 20;
        sandbox?.Invoke(options);
        var host = await SandboxHost.StartAsync(options);
        var root = HostSettings.CreateContentRoot(maxRequestBodyBytes: 1024 * 1024);
        var all = AppSettings.For(host.Url);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        if (configure is not null) await configure(host, all);
        var args = all.Select(p => $"--{p.Key}={p.Value}").Append($"--contentRoot={root}").Append("--urls=http://127.0.0.1:0").ToArray();
        var logs = new ConcurrentQueue<string>();
        var app = FunctionApp.Build(args);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(new CapturingLoggerProvider(logs));
        await app.StartAsync();
        return new InProcessApp(host, app, root, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
        AppContentRoot.DeleteQuietly(ContentRoot);
    }
}
