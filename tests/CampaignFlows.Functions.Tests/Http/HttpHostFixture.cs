using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Http;

/// <summary>One host with the HTTP test functions, shared by a test class; the body limit is lowered to 1 KB.</summary>
public sealed class HttpHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await TestHost.StartAsync([typeof(HttpTestFunctions), typeof(GreetingFunctions)],
            root: TestHost.NewContentRoot(hostJson: """{ "version": "2.0", "extensions": { "http": { "maxRequestBodySize": 1024 } } }"""));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
