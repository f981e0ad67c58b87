using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Management;

public sealed class InstanceCommandScenarios(ManagementHostFixture fixture) : IClassFixture<ManagementHostFixture>
{
    private const string Base = "/runtime/webhooks/durabletask/instances";

    private TestHost Host => fixture.Host;

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null) => Host.Client.SendAsync(fixture.Admin(method, path, body));

    [Fact]
    public async Task RaisedEventCompletesTheOrchestration()
    {
        var id = await fixture.StartAsync(nameof(ApprovalFlow));
        var raised = await Send(HttpMethod.Post, $"{Base}/{id}/raiseEvent/Approval", new Approval("ops", true));
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        var status = await fixture.WaitForStatusAsync(id, "Completed");
        Assert.Equal("approved by ops", status.GetProperty("output").GetString());
    }

    [Fact]
    public async Task RaiseEventWithMalformedJsonIsBadRequest()
    {
        var id = await fixture.StartAsync(nameof(ApprovalFlow));
        var request = fixture.Admin(HttpMethod.Post, $"{Base}/{id}/raiseEvent/Approval");
        request.Content = new StringContent("{\"by\":", Encoding.UTF8, "application/json");
        await ProblemAssert.IsProblemAsync(await Host.Client.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RaiseEventToUnknownInstanceIsNotFound()
    {
        var response = await Send(HttpMethod.Post, $"{Base}/missing/raiseEvent/Approval", new Approval("x", true));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TerminateStopsTheInstanceAndLaterCommandsAreGone()
    {
        var id = await fixture.StartAsync(nameof(ApprovalFlow));
        await fixture.WaitForStatusAsync(id, "Running");
        Assert.Equal(HttpStatusCode.Accepted, (await Send(HttpMethod.Post, $"{Base}/{id}/terminate?reason=test")).StatusCode);
        await fixture.WaitForStatusAsync(id, "Terminated");
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Post, $"{Base}/{id}/terminate?reason=again"), HttpStatusCode.Gone);
    }

    [Fact]
    public async Task SuspendedInstanceKeepsEventsUntilResumed()
    {
        var id = await fixture.StartAsync(nameof(ApprovalFlow));
        await fixture.WaitForStatusAsync(id, "Running");
        Assert.Equal(HttpStatusCode.Accepted, (await Send(HttpMethod.Post, $"{Base}/{id}/suspend?reason=hold")).StatusCode);
        await fixture.WaitForStatusAsync(id, "Suspended");
        Assert.Equal(HttpStatusCode.Accepted, (await Send(HttpMethod.Post, $"{Base}/{id}/raiseEvent/Approval", new Approval("qa", false))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Send(HttpMethod.Post, $"{Base}/{id}/resume?reason=go")).StatusCode);
        var status = await fixture.WaitForStatusAsync(id, "Completed");
        Assert.Equal("rejected by qa", status.GetProperty("output").GetString());
    }

    [Fact]
    public async Task PurgeDeletesAFinishedInstanceOnce()
    {
        var id = await fixture.StartAsync(nameof(HelloSequence), new[] { "Bern" });
        await fixture.WaitForStatusAsync(id, "Completed");
        var purged = await Send(HttpMethod.Delete, $"{Base}/{id}");
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal(1, (await purged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instancesDeleted").GetInt32());
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Delete, $"{Base}/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Get, $"{Base}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PurgingARunningInstanceIsConflict()
    {
        var id = await fixture.StartAsync(nameof(ApprovalFlow));
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Delete, $"{Base}/{id}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task SystemKeyFromHandedOutUrlsWorksWithoutMasterKey()
    {
        var start = await Host.Client.SendAsync(Host.Request(HttpMethod.Post, "/api/hello", TestHost.FunctionKey, JsonContent.Create(new[] { "Kyiv" })));
        var payload = await start.Content.ReadFromJsonAsync<JsonElement>();
        var terminate = payload.GetProperty("terminatePostUri").GetString()!.Replace("{text}", "done", StringComparison.Ordinal);
        var response = await Host.Client.PostAsync(terminate, null);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Gone, $"got {response.StatusCode}");
    }
}
