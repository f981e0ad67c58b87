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
    private IAsyncDisposable? _claim;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await host.Store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _claim = await host.Store.RegisterHostAsync(host.Owner, cancellationToken).ConfigureAwait(false);
        await ReleaseLeasesOfDeadPredecessorsAsync(cancellationToken).ConfigureAwait(false);
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
            Task.Run(() => WatchForDeadPredecessorsAsync(_stopping.Token), CancellationToken.None),
        ];
        logger.EngineStarted(host.Options.HubName, host.Options.StorageProvider.Type, host.Owner);
    }

    /// <summary>Frees at once the work an earlier process of this host id left leased when it died, so a restart resumes
    /// it without waiting for the leases to expire.</summary>
    private async Task ReleaseLeasesOfDeadPredecessorsAsync(CancellationToken cancellation)
    {
        var released = await host.Store.ReleaseLeasesOfDeadOwnersAsync(host.Options.HostId + "/", host.Owner, host.UtcNow, cancellation).ConfigureAwait(false);
        if (released == 0) return;
        logger.LeasesOfDeadPredecessorReleased(released, host.Options.HostId);
        host.OrchestrationWork.Notify();
        host.ActivityWork.Notify();
    }

    /// <summary>A predecessor whose claim the store could not yet see dropped at start (a vanished machine's database session
    /// lingers until its keepalives fail) is looked for again for one lease duration; after that its leases expire anyway.</summary>
    private async Task WatchForDeadPredecessorsAsync(CancellationToken stopping)
    {
        var until = host.UtcNow + host.Options.LeaseDuration;
        var every = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, host.Options.LeaseDuration.Ticks / 10));
        try
        {
            while (host.UtcNow < until)
            {
                await Task.Delay(every, host.Time, stopping).ConfigureAwait(false);
                await ReleaseLeasesOfDeadPredecessorsAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            logger.LoopFailed("dead predecessor watch", ex);
        }
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
        if (_claim is not null) await _claim.DisposeAsync().ConfigureAwait(false);
        _claim = null;
        logger.EngineStopped(released);
        _orchestrations = null;
        _activities = null;
    }
}
