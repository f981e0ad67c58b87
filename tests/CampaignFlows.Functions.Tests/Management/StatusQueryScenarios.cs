using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Management;

public sealed class StatusQueryScenarios(ManagementHostFixture fixture) : IClassFixture<ManagementHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task HttpStarterAnswersCheckStatusAndStatusUrlReachesOutput()
    {
        var start = await Host.Client.SendAsync(Host.Request(HttpMethod.Post, "/api/hello", TestHost.FunctionKey, JsonContent.Create(new[] { "Oslo", "Lima" })));
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var payload = await start.Content.ReadFromJsonAsync<JsonElement>();
        var statusUrl = payload.GetProperty("statusQueryGetUri").GetString()!;
        Assert.Equal(statusUrl, start.Headers.Location!.ToString());
        foreach (var url in new[] { "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri" })
            Assert.Contains("code=", payload.GetProperty(url).GetString());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage status;
        do
        {
            status = await Host.Client.GetAsync(statusUrl);
            if (status.StatusCode != HttpStatusCode.Accepted) break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("HelloSequence", body.GetProperty("name").GetString());
        Assert.Equal(["Hello Oslo!", "Hello Lima!"], body.GetProperty("output").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Oslo", "Lima"], body.GetProperty("input").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task RunningInstanceAnswersAcceptedWithCustomStatus()
    {
        var id = await fixture.StartAsync(nameof(ApprovalFlow));
        await fixture.WaitForStatusAsync(id, "Running");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement body;
        HttpResponseMessage response;
        do
        {
            response = await Host.Client.SendAsync(fixture.Admin(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{id}"));
            body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("customStatus").ValueKind == JsonValueKind.Object) break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        Assert.Equal("waiting", body.GetProperty("customStatus").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task HistoryIsShownOnRequest()
    {
        var id = await fixture.StartAsync(nameof(HelloSequence), new[] { "Rome" });
        await fixture.WaitForStatusAsync(id, "Completed");
        var body = await Host.Client.SendAsync(fixture.Admin(HttpMethod.Get,
            $"/runtime/webhooks/durabletask/instances/{id}?showHistory=true&showHistoryOutput=true&showInput=false"));
        var status = await body.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, status.GetProperty("input").ValueKind);
        var events = status.GetProperty("historyEvents").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("EventType").GetString() == "TaskCompleted");
        Assert.Contains(events, e => e.TryGetProperty("Result", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() == "Hello Rome!");
    }

    [Fact]
    public async Task UnknownInstanceIsNotFound()
    {
        var response = await Host.Client.SendAsync(fixture.Admin(HttpMethod.Get, "/runtime/webhooks/durabletask/instances/no-such-instance"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StartingUnknownOrchestratorIsNotFound()
    {
        var response = await Host.Client.SendAsync(fixture.Admin(HttpMethod.Post, "/runtime/webhooks/durabletask/orchestrators/Nope"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StartingARunningInstanceIdAgainIsConflict()
    {
        var id = await fixture.StartAsync(nameof(ApprovalFlow), instanceId: "approval-" + Guid.NewGuid().ToString("N"));
        var again = await Host.Client.SendAsync(fixture.Admin(HttpMethod.Post, $"/runtime/webhooks/durabletask/orchestrators/ApprovalFlow/{id}"));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }
}
