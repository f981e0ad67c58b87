using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Dispatch;

/// <summary>
/// Orders ready activities for dispatch: higher priority classes first; within a class, stride scheduling over fairness
/// keys (each key's pass advances by 1/weight per dispatched item; the lowest pass goes next). Work-conserving: keys
/// with nothing waiting are simply absent, so the others share everything. A key that comes back after idling starts at
/// the current virtual time, so it cannot claim a burst for the time it was away.
/// </summary>
internal sealed class FairScheduler
{
    private readonly Dictionary<string, double> _pass = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private double _virtualTime;

    /// <summary>The candidates in the order they should be offered to the flow gate.</summary>
    public List<ActivityCandidate> Order(IReadOnlyList<ActivityCandidate> candidates)
    {
        lock (_lock)
        {
            var ordered = new List<ActivityCandidate>(candidates.Count);
            foreach (var priorityClass in candidates.GroupBy(c => c.Priority).OrderByDescending(g => g.Key))
            {
                var queues = priorityClass.GroupBy(c => c.FairnessKey)
                    .ToDictionary(g => g.Key, g => new Queue<ActivityCandidate>(g.OrderBy(c => c.Id)), StringComparer.Ordinal);
                var pass = queues.Keys.ToDictionary(k => k, k => Math.Max(_pass.GetValueOrDefault(k, _virtualTime), _virtualTime), StringComparer.Ordinal);
                while (queues.Count > 0)
                {
                    var key = pass.Where(p => queues.ContainsKey(p.Key)).MinBy(p => (p.Value, p.Key)).Key;
                    var next = queues[key].Dequeue();
                    ordered.Add(next);
                    pass[key] += 1.0 / Math.Max(1, next.FairnessWeight);
                    if (queues[key].Count == 0) queues.Remove(key);
                }
            }
            return ordered;
        }
    }

    /// <summary>Advances the passes of the keys whose activities were actually leased. The virtual time moves to the
    /// lowest pass among them, independent of the order the store returned the batch in.</summary>
    public void Charge(IEnumerable<ActivityCandidate> dispatched)
    {
        lock (_lock)
        {
            var before = _virtualTime;
            var starts = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var c in dispatched)
            {
                var start = Math.Max(_pass.GetValueOrDefault(c.FairnessKey, before), before);
                starts.TryAdd(c.FairnessKey, start);
                _pass[c.FairnessKey] = start + 1.0 / Math.Max(1, c.FairnessWeight);
            }
            if (starts.Count > 0) _virtualTime = Math.Max(before, starts.Values.Min());
            if (_pass.Count > 10_000)
            {
                foreach (var stale in _pass.Where(p => p.Value < _virtualTime).Select(p => p.Key).ToList()) _pass.Remove(stale);
            }
        }
    }
}
