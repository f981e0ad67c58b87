namespace CampaignFlows.Data.Storage;

/// <summary>Changes to the (domain, status) counters gathered during one transaction and applied at its end.</summary>
internal sealed class CountDeltas
{
    private readonly Dictionary<(string Domain, string Status), long> _deltas = [];

    public void Add(string domain, string status, long delta)
    {
        var key = (domain, status);
        _deltas[key] = _deltas.GetValueOrDefault(key) + delta;
    }

    /// <summary>Moves one recipient of <paramref name="domain"/> from one status to another.</summary>
    public void Move(string domain, string from, string to)
    {
        Add(domain, from, -1);
        Add(domain, to, 1);
    }

    /// <summary>The non-zero deltas in key order, so concurrent transactions lock counter rows in the same order.</summary>
    public IReadOnlyList<(string Domain, string Status, long Delta)> Ordered() =>
        _deltas.Where(d => d.Value != 0)
            .OrderBy(d => d.Key.Domain, StringComparer.Ordinal).ThenBy(d => d.Key.Status, StringComparer.Ordinal)
            .Select(d => (d.Key.Domain, d.Key.Status, d.Value))
            .ToList();
}
