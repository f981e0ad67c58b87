using System.Net;
using System.Net.Http.Json;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Http;

public sealed class FunctionKeyScenarios(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
    private TestHost Host => fixture.Host;

    private static JsonContent Echo() => JsonContent.Create(new { text = "ab", times = 2 });

    [Fact]
    public async Task FunctionRouteWithoutKeyIsUnauthorized()
    {
        var response = await Host.Client.SendAsync(Host.Request(HttpMethod.Post, "/api/echo", content: Echo()));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("x-functions-key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FunctionRouteWithWrongKeyIsUnauthorized()
    {
        var response = await Host.Client.SendAsync(Host.Request(HttpMethod.Post, "/api/echo", "not-a-key", Echo()));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FunctionRouteAcceptsFunctionKeyInHeader()
    {
        var response = await Host.Client.SendAsync(Host.Request(HttpMethod.Post, "/api/echo", TestHost.FunctionKey, Echo()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("abab", (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["echoed"]);
    }

    [Fact]
    public async Task FunctionRouteAcceptsMasterKeyInCodeQuery()
    {
        var response = await Host.Client.PostAsync($"/api/echo?code={TestHost.MasterKey}", Echo());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminRouteRefusesFunctionKey()
    {
        var response = await Host.Client.SendAsync(Host.Request(HttpMethod.Get, "/api/admin/ping", TestHost.FunctionKey));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminRouteAcceptsMasterKey()
    {
        var response = await Host.Client.SendAsync(Host.Request(HttpMethod.Get, "/api/admin/ping", TestHost.MasterKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"pong\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ManagementApiRefusesFunctionKey()
    {
        var response = await Host.Client.SendAsync(Host.Request(HttpMethod.Get, "/runtime/webhooks/durabletask/instances", TestHost.FunctionKey));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ManagementApiWithoutKeyIsUnauthorized()
    {
        var response = await Host.Client.GetAsync("/runtime/webhooks/durabletask/instances/abc");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
