using CampaignFlows.Durable.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Dispatch;

/// <summary>The hosted service: prepares the store and runs the orchestration and activity dispatchers until shutdown.</summary>
internal sealed class DurableEngineService(EngineHost host, DurableTaskRegistry registry, IServiceProvider services, ILogger<DurableEngineService> logger)
    : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private OrchestrationDispatcher? _orchestrations;
    private ActivityDispatcher? _activities;
    private Task[] _loops = [];
    private Task? _writer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await host.Store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, limit) in host.Options.FlowLimits)
            await host.Store.SetFlowLimitAsync(key, limit, host.UtcNow, cancellationToken).ConfigureAwait(false);
        _orchestrations = new OrchestrationDispatcher(host, registry, logger);
        _activities = new ActivityDispatcher(host, registry, services, logger);
        _writer = Task.Run(_activities.WriteResultsAsync, CancellationToken.None);
        _loops =
        [
            Task.Run(() => _orchestrations.RunAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => _activities.RunAsync(_stopping.Token, _abort.Token), CancellationToken.None),
            Task.Run(() => _activities.RenewLeasesAsync(_stopping.Token), CancellationToken.None),
        ];
        logger.EngineStarted(host.Options.HubName, host.Options.StorageProvider.Type, host.Owner);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_orchestrations is null || _activities is null) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        var released = await _activities.DrainAsync(host.Options.ShutdownGracePeriod).ConfigureAwait(false);
        await _orchestrations.DrainAsync().ConfigureAwait(false);
        await _abort.CancelAsync().ConfigureAwait(false);
        if (_writer is not null) await _writer.ConfigureAwait(false);
        logger.EngineStopped(released);
        _orchestrations = null;
        _activities = null;
    }
}
