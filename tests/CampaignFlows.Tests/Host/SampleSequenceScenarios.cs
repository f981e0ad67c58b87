using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignFlows.Tests.Host;

public sealed class SampleSequenceScenarios(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task SampleSequenceStartedThroughManagementApiCompletesWithGreetings()
    {
        var start = new HttpRequestMessage(HttpMethod.Post, "/runtime/webhooks/durabletask/orchestrators/SampleSequence")
        {
            Content = JsonContent.Create(new[] { "Paris", "Quito" }),
        };
        start.Headers.Add("x-functions-key", AppHost.MasterKey);
        var accepted = await host.Client.SendAsync(start);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var statusUrl = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusQueryGetUri").GetString()!;

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage status;
        do
        {
            status = await host.Client.GetAsync(statusUrl);
            if (status.StatusCode != HttpStatusCode.Accepted) break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Hello Paris!", "Hello Quito!"], body.GetProperty("output").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task HealthEndpointsAnswer(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(path)).StatusCode);
    }
}
