using CampaignFlows.Durable.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Tests.Infrastructure;

/// <summary>One engine host on a given store, started and stopped like the real host, with tasks registered by the test.</summary>
public sealed class TestEngine : IAsyncDisposable
{
    private readonly IHost _host;

    private TestEngine(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => _host.Services;

    public static async Task<TestEngine> StartAsync(string storeType, string connectionString, Action<DurableTaskRegistry> register,
        TimeProvider? time = null, Action<DurableEngineOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (time is not null) builder.Services.AddSingleton(time);
        services?.Invoke(builder.Services);
        builder.Services.AddDurableEngine(o =>
        {
            o.StorageProvider.Type = storeType;
            o.StorageProvider.ConnectionString = connectionString;
            o.MinPollingInterval = TimeSpan.FromMilliseconds(5);
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
            o.LeaseDuration = TimeSpan.FromSeconds(5);
            o.ShutdownGracePeriod = TimeSpan.FromSeconds(2);
            configure?.Invoke(o);
        });
        builder.Services.AddDurableTasks((_, registry) => register(registry));
        var host = builder.Build();
        await host.StartAsync();
        return new TestEngine(host);
    }

    /// <summary>Waits for the instance to finish, failing the test after a generous timeout.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, int timeoutSeconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            var state = await Client.GetInstanceAsync(instanceId, true);
            throw new TimeoutException($"Instance {instanceId} did not finish within {timeoutSeconds} s; it is {state?.RuntimeStatus}.");
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing the test after a generous timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
