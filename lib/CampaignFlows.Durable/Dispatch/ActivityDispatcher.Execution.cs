using CampaignFlows.Durable.Diagnostics;
using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Runtime;
using CampaignFlows.Durable.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Durable.Dispatch;

internal sealed partial class ActivityDispatcher
{
    private static readonly TimeSpan DefaultThrottleBackoff = TimeSpan.FromMilliseconds(250);

    private async Task ExecuteAsync(ActivityWorkItem item, DateTime leasedAt, CancellationToken cancellation)
    {
        var a = item.Activity;
        var started = host.Time.GetTimestamp();
        var span = host.Telemetry.ActivityStarted(a.Name, a.InstanceId, a.TraceParent);
        using var logScope = logger.BeginScope(LogScopes.Activity(a.InstanceId, a.Name, a.TaskId, a.Attempt));
        var outcome = Outcomes.Error;
        try
        {
            outcome = await RunAsync(item, leasedAt, cancellation).ConfigureAwait(false);
        }
        finally
        {
            host.Telemetry.ActivityEnded(span, a.Name, outcome, a.Attempt, host.Time.GetElapsedTime(started));
        }
    }

    /// <summary>Runs the activity and hands its result to the batch writer, or re-queues it; returns how it ended.</summary>
    private async Task<string> RunAsync(ActivityWorkItem item, DateTime leasedAt, CancellationToken cancellation)
    {
        var a = item.Activity;
        HistoryEvent completion;
        try
        {
            if (!registry.TryGetActivity(a.Name, out var function))
                throw new ArgumentException($"No activity named '{a.Name}' is registered.");
            await using var scope = services.CreateAsyncScope();
            var result = await function(new ActivityContext(a.Name, a.InstanceId, a.Attempt, a.Input, scope.ServiceProvider, cancellation, leasedAt)).ConfigureAwait(false);
            var json = JsonPayload.Serialize(result);
            JsonPayload.EnsureSize(json, host.Options.MaxPayloadBytes, $"The result of activity '{a.Name}'");
            completion = new HistoryEvent(EventType.TaskCompleted, host.UtcNow) { Data = json };
        }
        catch (ActivityThrottledException throttled)
        {
            logger.ActivityThrottled(a.Name, a.InstanceId, throttled.Message);
            var now = host.UtcNow;
            await host.Store.RequeueActivityAsync(new ActivityRequeue(item.Id, item.LockToken, now + (throttled.RetryAfter ?? DefaultThrottleBackoff), now),
                CancellationToken.None).ConfigureAwait(false);
            return Outcomes.Throttled;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            try
            {
                await host.Store.RequeueActivityAsync(new ActivityRequeue(item.Id, item.LockToken, host.UtcNow, null), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Cancelled because the store could not be reached, most likely: the lease lapses and the work is taken again.
                logger.LoopFailed("re-queueing a cancelled activity", ex);
            }
            return Outcomes.Cancelled;
        }
        catch (Exception ex)
        {
            logger.ActivityFailed(a.Name, a.TaskId, a.InstanceId, a.Attempt, ex);
            completion = new HistoryEvent(EventType.TaskFailed, host.UtcNow) { Failure = TaskFailureDetails.FromException(ex) };
        }
        completion = completion with { TaskScheduledId = a.TaskId, ExecutionId = a.ExecutionId, Name = a.Name };
        _unwritten[(item.Id, item.LockToken)] = item;
        await _results.Writer.WriteAsync((item, new ActivityResult(item.Id, item.LockToken, new InstanceMessage(a.InstanceId, completion, host.UtcNow))),
            CancellationToken.None).ConfigureAwait(false);
        return completion.Type == EventType.TaskCompleted ? Outcomes.Completed : Outcomes.Failed;
    }

    /// <summary>Writes results in batches: one transaction for all results ready at once keeps commits per result low.</summary>
    public async Task WriteResultsAsync()
    {
        var batch = new List<(ActivityWorkItem Item, ActivityResult Result)>();
        while (await _results.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 500 && _results.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                var applied = await host.Store.CompleteActivitiesAsync(batch.Select(b => b.Result).ToList(), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (!applied[i])
                    {
                        var a = batch[i].Item.Activity;
                        logger.ActivityLeaseLost(a.Name, a.TaskId, a.InstanceId);
                    }
                }
                host.OrchestrationWork.Notify();
            }
            catch (Exception ex)
            {
                logger.LoopFailed("activity results", ex);
            }
            finally
            {
                foreach (var (item, _) in batch) _unwritten.TryRemove((item.Id, item.LockToken), out _);
            }
        }
    }

    /// <summary>
    /// Renews the leases of running activities: a lease found lost cancels its run at once; one that cannot be renewed
    /// (the store fails or hangs) cancels it once the lease last confirmed runs low.
    /// </summary>
    public async Task RenewLeasesAsync(CancellationToken stopping)
    {
        var every = host.Options.LeaseDuration / 3;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, host.Time, stopping).ConfigureAwait(false);
                Exception? failed = null;
                foreach (var running in _running.Values) failed ??= await RenewRunningAsync(running, stopping).ConfigureAwait(false);
                // One warning a round, not one per running activity, while the store is out.
                if (failed is not null) logger.LoopFailed("lease renewal", failed);
                // A result whose lease is lost here is discarded by the store when written; nothing is left to cancel.
                foreach (var item in _unwritten.Values) await RenewAsync(item, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LoopFailed("lease renewal", ex);
            }
        }
    }

    /// <summary>
    /// Renews a running activity's lease: renewed, its watch is set to the new expiry; lost, the run is cancelled at once.
    /// A renewal that fails leaves the watch as it was, so the run is cancelled when the lease it last confirmed runs low;
    /// the failure is returned for the round's one warning.
    /// </summary>
    private async Task<Exception?> RenewRunningAsync(Running running, CancellationToken stopping)
    {
        var until = host.UtcNow + host.Options.LeaseDuration;
        bool renewed;
        try
        {
            renewed = await host.Store.RenewActivityLeaseAsync(running.Item.Id, running.Item.LockToken, until, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            return ex;
        }
        try
        {
            if (renewed) running.LeaseWatch.CancelAfter(UntilUnconfirmed(until));
            else await running.Cancel.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The run ended while its lease was being renewed.
        }
        return null;
    }

    private Task<bool> RenewAsync(ActivityWorkItem item, CancellationToken stopping) =>
        host.Store.RenewActivityLeaseAsync(item.Id, item.LockToken, host.UtcNow + host.Options.LeaseDuration, stopping);

    /// <summary>Shutdown: waits for running activities up to the grace period, then cancels the rest (they release their
    /// leases so another host takes them at once), then flushes the last results.</summary>
    public async Task<int> DrainAsync(TimeSpan grace)
    {
        var tasks = _running.Values.Select(r => r.Task).ToList();
        var all = Task.WhenAll(tasks);
        await Task.WhenAny(all, Task.Delay(grace)).ConfigureAwait(false);
        var released = 0;
        foreach (var r in _running.Values)
        {
            released++;
            await r.Cancel.CancelAsync().ConfigureAwait(false);
        }
        await Task.WhenAny(all, Task.Delay(grace)).ConfigureAwait(false);
        _results.Writer.TryComplete();
        return released;
    }
}
