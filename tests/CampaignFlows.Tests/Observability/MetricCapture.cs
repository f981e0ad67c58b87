using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Tests.Observability;

/// <summary>Collects the measurements of one meter factory's instruments, so tests running in parallel do not see each other's.</summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public MetricCapture()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Meters = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, Meters)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public IMeterFactory Meters { get; }

    public void Observe() => _listener.RecordObservableInstruments();

    public double Sum(string name, params (string Key, object? Value)[] tags)
    {
        lock (_measurements)
            return _measurements.Where(m => m.Name == name && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);
    }

    public int Count(string name)
    {
        lock (_measurements) return _measurements.Count(m => m.Name == name);
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        lock (_measurements) _measurements.Add((instrument.Name, value, copy));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
