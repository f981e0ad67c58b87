using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Durable.Hosting;
using CampaignFlows.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Tests.Management;

/// <summary>A host with durable test functions on its own embedded SQLite store, polling fast.</summary>
public sealed class ManagementHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await TestHost.StartAsync([typeof(HelloSequence), typeof(ApprovalFlow)],
            configure: b => b.Services.Configure<DurableEngineOptions>(o => o.MaxPollingInterval = TimeSpan.FromMilliseconds(50)));

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public HttpRequestMessage Admin(HttpMethod method, string path, object? body = null) =>
        Host.Request(method, path, TestHost.MasterKey, body is null ? null : JsonContent.Create(body));

    public async Task<string> StartAsync(string orchestrator, object? input = null, string? instanceId = null)
    {
        var response = await Host.Client.SendAsync(Admin(HttpMethod.Post,
            $"/runtime/webhooks/durabletask/orchestrators/{orchestrator}{(instanceId is null ? "" : "/" + instanceId)}", input));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Polls the status URL until the instance reaches the status, with a generous deadline for a loaded machine.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string instanceId, string runtimeStatus)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement status = default;
        while (DateTime.UtcNow < deadline)
        {
            var response = await Host.Client.SendAsync(Admin(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{instanceId}"));
            status = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (status.TryGetProperty("runtimeStatus", out var current) && current.GetString() == runtimeStatus) return status;
            await Task.Delay(50);
        }
        Assert.Fail($"Instance {instanceId} did not reach {runtimeStatus}; last status: {status}");
        return status;
    }
}
