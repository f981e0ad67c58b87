namespace CampaignFlows.Durable.Diagnostics;

/// <summary>The names under which the engine publishes metrics and spans, for an OpenTelemetry setup to subscribe to.</summary>
/// <remarks>
/// Instrument names follow OpenTelemetry's dotted convention; a Prometheus exporter turns them into
/// <c>durable_orchestration_episode_duration_seconds</c> and so on. Spans carry the W3C trace context from the
/// client call that started an instance (stored with the instance) through every episode into the activities it
/// scheduled (stored with each activity), so work done inside an activity is a descendant of the request that
/// started the orchestration.
/// </remarks>
public static class DurableTelemetry
{
    /// <summary>The engine's meter and activity source name.</summary>
    public const string Name = "CampaignFlows.Durable";

    /// <summary>Histogram (s): one orchestration episode, from lease to committed checkpoint; tags name, outcome.</summary>
    public const string EpisodeDuration = "durable.orchestration.episode.duration";

    /// <summary>Counter: orchestration episodes; tags name, outcome.</summary>
    public const string Episodes = "durable.orchestration.episodes";

    /// <summary>Counter: history events replayed to rebuild orchestrations (nothing when the extended-session cache held the
    /// instance); tag name.</summary>
    public const string ReplayedEvents = "durable.orchestration.replayed_events";

    /// <summary>Histogram (s): one activity run; tags name, outcome.</summary>
    public const string ActivityDuration = "durable.activity.duration";

    /// <summary>Counter: activity runs that answered "throttled, retry later"; tag name.</summary>
    public const string ActivityThrottled = "durable.activity.throttled";

    /// <summary>Up-down counter: orchestration episodes running on this host.</summary>
    public const string EpisodesActive = "durable.orchestration.active";

    /// <summary>Up-down counter: activities running on this host.</summary>
    public const string ActivitiesActive = "durable.activity.active";

    /// <summary>Tag: the orchestrator's or activity's registered name.</summary>
    public const string NameTag = "name";

    /// <summary>Tag: how an episode or activity run ended (e.g. <c>completed</c>, <c>failed</c>, <c>running</c>, <c>lease_lost</c>).</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Span tag: the orchestration instance id.</summary>
    public const string InstanceIdTag = "durable.instance_id";
}
