using System.Collections.Concurrent;
using CampaignFlows.Durable.Runtime;

namespace CampaignFlows.Durable.Dispatch;

/// <summary>Extended sessions: live orchestrations kept between episodes, so the next episode applies only new events.</summary>
internal sealed class SessionCache(TimeProvider time, TimeSpan idleTimeout, bool enabled)
{
    private readonly ConcurrentDictionary<string, (OrchestrationRuntime Runtime, long LastUsed)> _sessions = new(StringComparer.Ordinal);

    public bool Enabled => enabled;

    /// <summary>The history length the cached session holds, for the store to skip loading history.</summary>
    public int? HistoryLength(string instanceId) => _sessions.TryGetValue(instanceId, out var s) ? s.Runtime.HistoryLength : null;

    public OrchestrationRuntime? Take(string instanceId, string executionId, int storedHistoryLength) =>
        _sessions.TryRemove(instanceId, out var s) && s.Runtime.ExecutionId == executionId && s.Runtime.HistoryLength == storedHistoryLength
            ? s.Runtime : null;

    public void Keep(OrchestrationRuntime runtime)
    {
        if (!enabled) return;
        _sessions[runtime.InstanceId] = (runtime, time.GetTimestamp());
        if (_sessions.Count % 64 == 0) Evict();
    }

    public void Evict()
    {
        foreach (var (id, session) in _sessions)
        {
            if (time.GetElapsedTime(session.LastUsed) > idleTimeout) _sessions.TryRemove(id, out _);
        }
    }
}
