using CampaignFlows.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions.Tests.Support;

/// <summary>A Functions host on a free loopback port, with a content root of its own holding host.json and local.settings.json.</summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string MasterKey = "test-master-key";
    public const string FunctionKey = "test-function-key";

    private readonly bool _ownsRoot;

    private TestHost(WebApplication app, string root, bool ownsRoot)
    {
        _ownsRoot = ownsRoot;
        App = app;
        ContentRoot = root;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public string ContentRoot { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static WebApplicationBuilder CreateBuilder(string root, IDictionary<string, string?>? settings = null, bool withKeys = true)
    {
        var builder = FunctionsApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Development", Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (withKeys)
        {
            all.TryAdd("MasterKey", MasterKey);
            all.TryAdd("FunctionKeys:default", FunctionKey);
        }
        builder.Configuration.AddInMemoryCollection(all);
        return builder;
    }

    public static async Task<TestHost> StartAsync(IEnumerable<Type> functionTypes, IDictionary<string, string?>? settings = null,
        string? root = null, Action<WebApplicationBuilder>? configure = null, bool withKeys = true)
    {
        var ownsRoot = root is null;
        root ??= NewContentRoot();
        var builder = CreateBuilder(root, settings, withKeys);
        configure?.Invoke(builder);
        builder.AddFunctions(functionTypes);
        var app = builder.Build();
        app.MapFunctions();
        await app.StartAsync();
        return new TestHost(app, root, ownsRoot);
    }

    public static string NewContentRoot(string? hostJson = null, string? localSettings = null)
    {
        var root = Directory.CreateTempSubdirectory("cf-functions-").FullName;
        if (hostJson is not null) File.WriteAllText(Path.Combine(root, "host.json"), hostJson);
        if (localSettings is not null) File.WriteAllText(Path.Combine(root, "local.settings.json"), localSettings);
        return root;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? key = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Add("x-functions-key", key);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (!_ownsRoot) return;
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing store is left for the OS temp cleaner.
        }
    }
}
