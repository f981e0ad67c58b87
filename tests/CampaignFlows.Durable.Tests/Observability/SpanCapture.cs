using System.Collections.Concurrent;
using System.Diagnostics;

namespace CampaignFlows.Durable.Tests.Observability;

/// <summary>Records every finished span of the given sources; tests pick theirs out by trace id.</summary>
internal sealed class SpanCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public SpanCapture(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => sources.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Of(ActivityTraceId trace) => _spans.Where(s => s.TraceId == trace).ToList();

    public void Dispose() => _listener.Dispose();
}
