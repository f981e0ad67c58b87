using CampaignFlows.Testing;
using Microsoft.AspNetCore.Builder;

namespace CampaignFlows.Tests.Host;

/// <summary>The root function app on a free loopback port, in a content root of its own (host.json from the build, known keys).</summary>
public sealed class AppHost : IAsyncLifetime
{
    public const string MasterKey = "app-test-master-key";

    public string ContentRoot { get; } = Directory.CreateTempSubdirectory("cf-app-").FullName;

    public WebApplication App { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Builds the app as Program does, pinned to this content root.</summary>
    public WebApplication Build(string[] args) => FunctionApp.Build([.. args, $"--contentRoot={ContentRoot}"]);

    public async Task InitializeAsync()
    {
        AppContentRoot.CopyBuildHostJson(ContentRoot);
        AppContentRoot.WriteLocalSettings(ContentRoot, MasterKey, "app-test-function-key");
        App = Build(["--urls=http://127.0.0.1:0"]);
        await App.StartAsync();
        Url = new Uri(App.Urls.First());
        Client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A store file still closing is left for the OS temp cleaner.
        }
    }
}
