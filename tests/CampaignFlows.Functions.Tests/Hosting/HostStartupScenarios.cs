using CampaignFlows.Functions.Tests.Discovery;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Hosting;

public sealed class HostStartupScenarios
{
    [Fact]
    public async Task MisconfiguredFunctionFailsStartNamingIt()
    {
        var error = await Assert.ThrowsAsync<FunctionStartupException>(() => TestHost.StartAsync([typeof(SameRoute)]));
        Assert.Contains("'ShowOrder'", error.Message);
    }

    [Fact]
    public async Task MissingSettingFailsStartNamingIt()
    {
        var error = await Assert.ThrowsAsync<FunctionStartupException>(() => TestHost.StartAsync([typeof(SettingCron)]));
        Assert.Contains("ReportSchedule", error.Message);
    }

    [Fact]
    public async Task SettingFromLocalSettingsValuesResolvesTrigger()
    {
        var root = TestHost.NewContentRoot(localSettings: """{ "IsEncrypted": false, "Values": { "OrdersRoute": "shop/orders" } }""");
        await using var host = await TestHost.StartAsync([typeof(RoutedBySetting)], root: root);
        var response = await host.Client.GetAsync("/api/shop/orders");
        Assert.Equal("\"routed\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RoutePrefixComesFromHostJson()
    {
        var root = TestHost.NewContentRoot(hostJson: """{ "version": "2.0", "extensions": { "http": { "routePrefix": "v1" } } }""",
            localSettings: """{ "Values": { "OrdersRoute": "orders" } }""");
        await using var host = await TestHost.StartAsync([typeof(RoutedBySetting)], root: root);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client.GetAsync("/v1/orders")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/orders")).StatusCode);
    }
}

public static class RoutedBySetting
{
    [Function("Orders")]
    public static string Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "%OrdersRoute%")] Microsoft.AspNetCore.Http.HttpRequest req) => "routed";
}
