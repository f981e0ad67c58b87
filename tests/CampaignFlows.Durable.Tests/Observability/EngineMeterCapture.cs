using System.Diagnostics.Metrics;
using CampaignFlows.Durable.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Durable.Tests.Observability;

/// <summary>Collects the engine's measurements of one host (its own meter factory), so tests running in parallel do not
/// see each other's.</summary>
internal sealed class EngineMeterCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public EngineMeterCapture(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == DurableTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>The sum of the instrument's measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string name, params (string Key, object? Value)[] tags) => Matching(name, tags).Sum(m => m.Value);

    /// <summary>How many measurements the instrument made with all of <paramref name="tags"/>.</summary>
    public int Count(string name, params (string Key, object? Value)[] tags) => Matching(name, tags).Count;

    private List<(string Name, double Value, Dictionary<string, object?> Tags)> Matching(string name, (string Key, object? Value)[] tags)
    {
        lock (_measurements)
            return _measurements.Where(m => m.Name == name && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).ToList();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        lock (_measurements) _measurements.Add((instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
