using CampaignFlows.Durable.Diagnostics;
using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Hosting;
using CampaignFlows.Durable.Runtime;
using CampaignFlows.Durable.Stores;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Dispatch;

/// <summary>
/// Leases instances with due messages, runs one episode each (at most MaxConcurrentOrchestratorFunctions at once) and
/// commits its results in one store transaction.
/// </summary>
internal sealed class OrchestrationDispatcher(EngineHost host, DurableTaskRegistry registry, ILogger logger)
{
    private readonly SessionCache _sessions = new(host.Time, host.Options.ExtendedSessionIdleTimeout, host.Options.ExtendedSessionsEnabled);
    private readonly RuntimeEnvironment _env = new(registry, host.LoggerFactory, host.Options.MaxPayloadBytes);
    private readonly SemaphoreSlim _slots = new(host.Options.MaxConcurrentOrchestratorFunctions);
    private readonly List<Task> _running = [];
    private readonly CheckpointWriter _checkpoints = new(host.Store, logger);
    private Task? _writer;

    public async Task RunAsync(CancellationToken stopping)
    {
        _writer = Task.WhenAll(Enumerable.Range(0, CheckpointWriter.Writers).Select(_ => Task.Run(_checkpoints.RunAsync, CancellationToken.None)));
        var idle = host.Options.MinPollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            var wake = host.OrchestrationWork.Next;
            try
            {
                await _slots.WaitAsync(stopping).ConfigureAwait(false);
                var free = 1 + _slots.CurrentCount;
                var now = host.UtcNow;
                var items = await host.Store.LockOrchestrationsAsync(new OrchestrationLockRequest(host.Owner, free, now, now + host.Options.LeaseDuration,
                    host.Options.MaxMessagesPerEpisode, _sessions.Enabled ? _sessions.HistoryLength : null), stopping).ConfigureAwait(false);
                if (items.Count == 0)
                {
                    _slots.Release();
                    _sessions.Evict();
                    await WorkSignal.WaitAsync(wake, idle, host.Time, stopping).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(host.Options.MaxPollingInterval.Ticks, idle.Ticks * 2));
                    continue;
                }
                idle = host.Options.MinPollingInterval;
                for (var i = 1; i < items.Count; i++) await _slots.WaitAsync(stopping).ConfigureAwait(false);
                lock (_running)
                {
                    _running.RemoveAll(t => t.IsCompleted);
                    foreach (var item in items) _running.Add(Task.Run(() => ProcessAsync(item)));
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LoopFailed("orchestration", ex);
                await WorkSignal.WaitAsync(Task.Delay(Timeout.Infinite, stopping), host.Options.MaxPollingInterval, host.Time, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits for episodes already running and writes their checkpoints; they are short and worth keeping.</summary>
    public async Task DrainAsync()
    {
        Task running;
        lock (_running) running = Task.WhenAll(_running);
        await running.ConfigureAwait(false);
        _checkpoints.Complete();
        if (_writer is not null) await _writer.ConfigureAwait(false);
    }

    private async Task ProcessAsync(OrchestrationWorkItem item)
    {
        var started = host.Time.GetTimestamp();
        var instance = item.Instance;
        var span = host.Telemetry.EpisodeStarted(instance.Name, instance.InstanceId, instance.TraceParent);
        using var logScope = logger.BeginScope(LogScopes.Orchestration(instance.InstanceId, instance.Name));
        var outcome = Outcomes.Error;
        var replayed = 0;
        try
        {
            var (commit, outcomeIfCommitted) = Episode(item, EngineTelemetry.Propagate(span, instance.TraceParent), out replayed);
            if (await _checkpoints.CommitAsync(commit).ConfigureAwait(false))
            {
                outcome = outcomeIfCommitted;
                if (commit.Activities.Count > 0) host.ActivityWork.Notify();
                if (commit.Messages.Count > 0 || commit.SubOrchestrations.Count > 0) host.OrchestrationWork.Notify();
                host.Progress.Notify();
            }
            else
            {
                outcome = Outcomes.LeaseLost;
                _sessions.Take(instance.InstanceId, "", -1);
                logger.CheckpointLeaseLost(instance.InstanceId);
            }
        }
        catch (Exception ex)
        {
            _sessions.Take(instance.InstanceId, "", -1);
            logger.LoopFailed("orchestration episode", ex);
            await host.Store.ReleaseOrchestrationAsync(instance.InstanceId, item.LockToken, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            host.Telemetry.EpisodeEnded(span, instance.Name, outcome, replayed, host.Time.GetElapsedTime(started));
            _slots.Release();
        }
    }

    /// <summary>Runs one episode and builds its checkpoint; <paramref name="replayed"/> counts the history events replayed to
    /// rebuild the orchestration (none when the session cache held it).</summary>
    private (OrchestrationCommit Commit, string Outcome) Episode(OrchestrationWorkItem item, string? traceParent, out int replayed)
    {
        replayed = 0;
        var instance = item.Instance;
        var now = host.UtcNow;
        if (instance.Status.IsTerminal()) return (EpisodeBuilder.DiscardLate(item, now), Outcomes.Discarded);
        var applied = new List<HistoryEvent>(item.Messages.Count + 1) { new(EventType.OrchestratorStarted, now) };
        applied.AddRange(item.Messages.Select(m => m.Event).Where(e => e.ExecutionId is null || e.ExecutionId == instance.ExecutionId));
        var runtime = _sessions.Take(instance.InstanceId, instance.ExecutionId, instance.HistoryLength);
        var parent = (item.History ?? []).Concat(applied).FirstOrDefault(e => e.Type == EventType.ExecutionStarted)?.Parent;
        try
        {
            if (runtime is null)
            {
                if (!registry.TryGetOrchestrator(instance.Name, out var function))
                    return Failed(item, applied, new TaskFailureDetails(typeof(ArgumentException).FullName!, $"No orchestrator named '{instance.Name}' is registered."), parent, now);
                runtime = new OrchestrationRuntime(instance.Name, instance.InstanceId, function, _env);
                var history = item.History ?? throw new InvalidOperationException($"The store returned no history for {instance.InstanceId} although no session is cached.");
                replayed = history.Count;
                runtime.Replay(history);
            }
            var outcome = runtime.Run(applied);
            var commit = EpisodeBuilder.Build(item, runtime, applied, outcome, now, traceParent);
            runtime.HistoryLength += commit.NewHistory.Count;
            if (outcome.Completion is null) _sessions.Keep(runtime);
            return (commit, Outcomes.Of(commit.Update.Status));
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Failed(item, applied, TaskFailureDetails.FromException(ex), runtime?.Parent ?? parent, now);
        }
    }

    private (OrchestrationCommit, string) Failed(OrchestrationWorkItem item, List<HistoryEvent> applied, TaskFailureDetails failure, ParentInstance? parent,
        DateTime now)
    {
        logger.OrchestrationFailed(item.Instance.InstanceId, item.Instance.Name, failure.ErrorMessage);
        return (EpisodeBuilder.Fail(item, applied, failure, parent, now), Outcomes.Failed);
    }
}
