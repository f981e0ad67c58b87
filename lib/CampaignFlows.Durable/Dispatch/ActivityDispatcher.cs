using System.Collections.Concurrent;
using System.Threading.Channels;
using CampaignFlows.Durable.Hosting;
using CampaignFlows.Durable.Stores;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Dispatch;

/// <summary>
/// Leases ready activities in fair order as far as flow limits admit (at most MaxConcurrentActivityFunctions running),
/// runs them, and writes their results in batches. Leases of running activities are renewed; a lost lease cancels the run,
/// and so does a lease this host can no longer confirm (see <see cref="UnconfirmedMargin"/>).
/// </summary>
internal sealed partial class ActivityDispatcher(EngineHost host, DurableTaskRegistry registry, IServiceProvider services, ILogger logger)
{
    private readonly FairScheduler _fair = new();
    private readonly SemaphoreSlim _slots = new(host.Options.MaxConcurrentActivityFunctions);
    private readonly WorkSignal _slotFreed = new();
    private readonly ConcurrentDictionary<(long Id, string Token), Running> _running = new();
    // Results waiting for the batch writer keep their leases renewed: a lease lapsing there would let another host
    // (or this one) run the activity again although it already ran, a needless duplicate (for a send, a second mail).
    private readonly ConcurrentDictionary<(long Id, string Token), ActivityWorkItem> _unwritten = new();
    private readonly Channel<(ActivityWorkItem Item, ActivityResult Result)> _results = Channel.CreateUnbounded<(ActivityWorkItem, ActivityResult)>();

    /// <summary>
    /// A run is cancelled once less than this is left of the lease it last confirmed, renewed or not: with renewals every
    /// third of a lease, a renewal round may run half a lease late before that happens. Without it, a run whose renewals
    /// stall (an unreachable or hung store) would carry on past its lease while another host runs the same activity;
    /// cancelled in time, it stops before its next side effect (for a send, before the SES call).
    /// </summary>
    private TimeSpan UnconfirmedMargin => host.Options.LeaseDuration / 6;

    private sealed record Running(ActivityWorkItem Item, CancellationTokenSource Cancel, CancellationTokenSource LeaseWatch, Task Task);

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var idle = host.Options.MinPollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            var wake = host.ActivityWork.Next;
            try
            {
                await _slots.WaitAsync(stopping).ConfigureAwait(false);
                await GatherSlotsAsync(stopping).ConfigureAwait(false);
                var free = 1 + _slots.CurrentCount;
                var now = host.UtcNow;
                var candidates = await host.Store.GetActivityCandidatesAsync(free, Math.Max(free * 4, 64), now, stopping).ConfigureAwait(false);
                var leased = candidates.Count == 0 ? [] : await host.Store.LeaseActivitiesAsync(
                    new ActivityLeaseRequest(_fair.Order(candidates), host.Owner, now, now + host.Options.LeaseDuration, free), stopping).ConfigureAwait(false);
                if (leased.Count == 0)
                {
                    _slots.Release();
                    var wait = candidates.Count == 0 ? idle : host.Options.MinPollingInterval;
                    await WorkSignal.WaitAsync(wake, wait, host.Time, stopping).ConfigureAwait(false);
                    if (candidates.Count == 0) idle = TimeSpan.FromTicks(Math.Min(host.Options.MaxPollingInterval.Ticks, idle.Ticks * 2));
                    continue;
                }
                idle = host.Options.MinPollingInterval;
                var byId = candidates.ToDictionary(c => c.Id);
                _fair.Charge(leased.Select(l => byId[l.Id]));
                for (var i = 1; i < leased.Count; i++) await _slots.WaitAsync(stopping).ConfigureAwait(false);
                foreach (var item in leased) Start(item, now, abort);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LoopFailed("activity", ex);
                await WorkSignal.WaitAsync(Task.Delay(Timeout.Infinite, stopping), host.Options.MaxPollingInterval, host.Time, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>While most slots are busy, waits a moment for more to free up, so one poll leases a batch instead of
    /// one store round trip per finished activity.</summary>
    private async Task GatherSlotsAsync(CancellationToken stopping)
    {
        var max = host.Options.MaxConcurrentActivityFunctions;
        for (var i = 0; i < 4 && 1 + _slots.CurrentCount < max / 2 && !_running.IsEmpty; i++)
            await WorkSignal.WaitAsync(_slotFreed.Next, host.Options.MinPollingInterval, host.Time, stopping).ConfigureAwait(false);
    }

    private void Start(ActivityWorkItem item, DateTime leasedAt, CancellationToken abort)
    {
        var watch = new CancellationTokenSource(UntilUnconfirmed(leasedAt + host.Options.LeaseDuration), host.Time);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(abort, watch.Token);
        var a = item.Activity;
        watch.Token.Register(() => logger.ActivityLeaseUnconfirmed(a.Name, a.TaskId, a.InstanceId));
        var gate = new TaskCompletionSource();
        var task = Task.Run(async () =>
        {
            await gate.Task.ConfigureAwait(false);
            try
            {
                await ExecuteAsync(item, leasedAt, cancel.Token).ConfigureAwait(false);
            }
            finally
            {
                _running.TryRemove((item.Id, item.LockToken), out _);
                cancel.Dispose();
                watch.Dispose();
                _slots.Release();
                _slotFreed.Notify();
            }
        });
        // Keyed by lease too: after a lease expired under load this host may run the same activity twice at once.
        _running[(item.Id, item.LockToken)] = new Running(item, cancel, watch, task);
        gate.SetResult();
    }

    /// <summary>How long until a lease confirmed until <paramref name="expiry"/> has less than <see cref="UnconfirmedMargin"/> left.</summary>
    private TimeSpan UntilUnconfirmed(DateTime expiry) =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (expiry - UnconfirmedMargin - host.UtcNow).Ticks));
}
