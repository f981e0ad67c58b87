using CampaignFlows.Functions;
using CampaignFlows.Triggers;
using CampaignFlows.Warmups;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Tests.Warmups;

/// <summary>A host serving only the plan endpoint, with no mail account, so the quota check is skipped with a warning.</summary>
public sealed class PlanHost : IAsyncLifetime
{
    public const string FunctionKey = "plan-test-key";

    private readonly string _root = Directory.CreateTempSubdirectory("cf-plan-").FullName;
    private WebApplication _app = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = FunctionsApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _root, EnvironmentName = "Production", Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([new("MasterKey", "plan-test-master"), new("FunctionKeys:default", FunctionKey), new("Capacity:PerDedicatedIpMonth", "30")]);
        builder.AddWarmups();
        builder.AddFunctions([typeof(PlanCapacity)]);
        _app = builder.Build();
        _app.MapFunctions();
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A store file still closing is left for the OS temp cleaner.
        }
    }
}
