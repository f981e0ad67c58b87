using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Http;

public sealed class HttpBindingScenarios(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task RouteValuesBindByNameAndType()
    {
        var body = await Host.Client.GetFromJsonAsync<JsonElement>("/api/items/7/parts/lid");
        Assert.Equal(7, body.GetProperty("id").GetInt32());
        Assert.Equal("lid", body.GetProperty("part").GetString());
    }

    [Fact]
    public async Task RouteDefaultsToFunctionName()
    {
        var body = await Host.Client.GetFromJsonAsync<JsonElement>("/api/LegacyOk");
        Assert.True(body.GetProperty("legacy").GetBoolean());
    }

    [Fact]
    public async Task InstanceFunctionGetsConstructorInjection()
    {
        var body = await Host.Client.GetFromJsonAsync<JsonElement>("/api/greeting/Ada");
        Assert.Equal("Hello Ada", body.GetProperty("greeting").GetString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task HealthEndpointsAreAnonymous(string path)
    {
        var response = await Host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
