using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Management;

public sealed class InstanceListScenarios(ManagementHostFixture fixture) : IClassFixture<ManagementHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task ListFiltersByStatusAndPrefixAndPagesWithContinuationToken()
    {
        var prefix = "list-" + Guid.NewGuid().ToString("N")[..8] + "-";
        for (var i = 0; i < 5; i++) await fixture.StartAsync(nameof(HelloSequence), new[] { "A" }, prefix + "done-" + i);
        await fixture.StartAsync(nameof(ApprovalFlow), instanceId: prefix + "waiting");
        for (var i = 0; i < 5; i++) await fixture.WaitForStatusAsync(prefix + "done-" + i, "Completed");
        await fixture.WaitForStatusAsync(prefix + "waiting", "Running");

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var request = fixture.Admin(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances?runtimeStatus=Completed,Failed&instanceIdPrefix={prefix}&top=2");
            if (token is not null) request.Headers.Add("x-ms-continuation-token", token);
            var response = await Host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(page.GetArrayLength() <= 2);
            seen.AddRange(page.EnumerateArray().Select(i => i.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => prefix + "done-" + i).Order(), seen.Order());
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task ListFiltersByCreatedTime()
    {
        var prefix = "time-" + Guid.NewGuid().ToString("N")[..8] + "-";
        await fixture.StartAsync(nameof(ApprovalFlow), instanceId: prefix + "a");
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("o"));
        var response = await Host.Client.SendAsync(fixture.Admin(HttpMethod.Get,
            $"/runtime/webhooks/durabletask/instances?instanceIdPrefix={prefix}&createdTimeFrom={future}"));
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        var past = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("o"));
        var all = await Host.Client.SendAsync(fixture.Admin(HttpMethod.Get,
            $"/runtime/webhooks/durabletask/instances?instanceIdPrefix={prefix}&createdTimeFrom={past}&createdTimeTo={future}"));
        Assert.Equal(1, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    [Theory]
    [InlineData("runtimeStatus=Sleeping", "runtimeStatus")]
    [InlineData("top=0", "top")]
    [InlineData("createdTimeFrom=yesterday", "createdTimeFrom")]
    public async Task BadListParameterIsBadRequestNamingIt(string query, string parameter)
    {
        var response = await Host.Client.SendAsync(fixture.Admin(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances?{query}"));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"'{parameter}'", problem.GetProperty("detail").GetString());
    }
}
