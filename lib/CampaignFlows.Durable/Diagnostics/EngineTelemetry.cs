using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CampaignFlows.Durable.Diagnostics;

/// <summary>The engine's instruments on one host's meter, and its span source.</summary>
/// <remarks>The meter comes from the host's <see cref="IMeterFactory"/>, so two hosts in one process (tests) keep their
/// measurements apart; the activity source is process-wide, as spans are told apart by their trace ids.</remarks>
internal sealed class EngineTelemetry
{
    public static readonly ActivitySource Source = new(DurableTelemetry.Name);

    private readonly Histogram<double> _episodeDuration;
    private readonly Counter<long> _episodes;
    private readonly Counter<long> _replayed;
    private readonly Histogram<double> _activityDuration;
    private readonly Counter<long> _throttled;
    private readonly UpDownCounter<long> _episodesActive;
    private readonly UpDownCounter<long> _activitiesActive;

    /// <param name="meters">The host's meter factory; without one (an engine built outside dependency injection) the meter is
    /// process-wide.</param>
    public EngineTelemetry(IMeterFactory? meters)
    {
        var meter = meters?.Create(DurableTelemetry.Name) ?? new Meter(DurableTelemetry.Name);
        _episodeDuration = meter.CreateHistogram<double>(DurableTelemetry.EpisodeDuration, "s", "Orchestration episode from lease to committed checkpoint.");
        _episodes = meter.CreateCounter<long>(DurableTelemetry.Episodes, "{episode}", "Orchestration episodes by outcome.");
        _replayed = meter.CreateCounter<long>(DurableTelemetry.ReplayedEvents, "{event}", "History events replayed to rebuild orchestrations.");
        _activityDuration = meter.CreateHistogram<double>(DurableTelemetry.ActivityDuration, "s", "Activity run by outcome.");
        _throttled = meter.CreateCounter<long>(DurableTelemetry.ActivityThrottled, "{activity}", "Activity runs re-queued as throttled.");
        _episodesActive = meter.CreateUpDownCounter<long>(DurableTelemetry.EpisodesActive, "{episode}", "Orchestration episodes running on this host.");
        _activitiesActive = meter.CreateUpDownCounter<long>(DurableTelemetry.ActivitiesActive, "{activity}", "Activities running on this host.");
    }

    /// <summary>Starts an episode: its span (child of the instance's stored trace context) and the active count.</summary>
    public Activity? EpisodeStarted(string name, string instanceId, string? traceParent)
    {
        _episodesActive.Add(1);
        return Start($"orchestration {name}", traceParent, name, instanceId);
    }

    public void EpisodeEnded(Activity? span, string name, string outcome, int replayedEvents, TimeSpan elapsed)
    {
        _episodesActive.Add(-1);
        var tags = Tags(name, outcome);
        _episodeDuration.Record(elapsed.TotalSeconds, tags);
        _episodes.Add(1, tags);
        // Recorded even when zero so a cache hit shows up as an episode that replayed nothing, not as a missing series.
        _replayed.Add(replayedEvents, new KeyValuePair<string, object?>(DurableTelemetry.NameTag, name));
        End(span, outcome, "durable.replayed_events", replayedEvents);
    }

    /// <summary>Starts an activity run: its span (child of the episode that scheduled it) and the active count.</summary>
    public Activity? ActivityStarted(string name, string instanceId, string? traceParent)
    {
        _activitiesActive.Add(1);
        return Start($"activity {name}", traceParent, name, instanceId);
    }

    public void ActivityEnded(Activity? span, string name, string outcome, int attempt, TimeSpan elapsed)
    {
        _activitiesActive.Add(-1);
        _activityDuration.Record(elapsed.TotalSeconds, Tags(name, outcome));
        if (outcome == Outcomes.Throttled) _throttled.Add(1, new KeyValuePair<string, object?>(DurableTelemetry.NameTag, name));
        End(span, outcome, "durable.attempt", attempt);
    }

    /// <summary>The trace context to store with work this span schedules: the span itself when recorded, otherwise
    /// the context it would have had, so an unsampled episode still links its activities to the request.</summary>
    public static string? Propagate(Activity? span, string? inherited) => span?.Id ?? inherited;

    /// <summary>The caller's W3C trace context (for example the HTTP request being served), or null.</summary>
    public static string? Current() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    private static Activity? Start(string spanName, string? traceParent, string name, string instanceId)
    {
        // The dispatcher's loops run under whatever span was current when the host started; work must hang under the
        // trace of the request that made it, or be a root of its own, never under an unrelated span.
        Activity.Current = null;
        var parent = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var span = Source.StartActivity(spanName, ActivityKind.Internal, parent);
        span?.SetTag(DurableTelemetry.NameTag, name);
        span?.SetTag(DurableTelemetry.InstanceIdTag, instanceId);
        return span;
    }

    private static void End(Activity? span, string outcome, string countTag, int count)
    {
        if (span is null) return;
        span.SetTag(DurableTelemetry.OutcomeTag, outcome);
        span.SetTag(countTag, count);
        if (outcome is Outcomes.Failed or Outcomes.Error) span.SetStatus(ActivityStatusCode.Error);
        span.Dispose();
    }

    private static TagList Tags(string name, string outcome) => new()
    {
        { DurableTelemetry.NameTag, name },
        { DurableTelemetry.OutcomeTag, outcome },
    };
}

/// <summary>The values of the outcome tag.</summary>
internal static class Outcomes
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Terminated = "terminated";
    public const string ContinuedAsNew = "continued_as_new";
    public const string Suspended = "suspended";
    /// <summary>An episode that ended waiting for more work (the orchestration is still running).</summary>
    public const string Running = "running";
    /// <summary>Messages for a finished instance, dropped.</summary>
    public const string Discarded = "discarded";
    public const string LeaseLost = "lease_lost";
    public const string Throttled = "throttled";
    /// <summary>An activity stopped by shutdown or a lost lease, put back without a result.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>The engine itself failed (store error); the work is released and retried.</summary>
    public const string Error = "error";

    public static string Of(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Completed => Completed,
        OrchestrationRuntimeStatus.Failed => Failed,
        OrchestrationRuntimeStatus.Terminated => Terminated,
        OrchestrationRuntimeStatus.ContinuedAsNew => ContinuedAsNew,
        OrchestrationRuntimeStatus.Suspended => Suspended,
        _ => Running,
    };
}
