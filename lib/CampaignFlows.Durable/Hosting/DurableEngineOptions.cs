namespace CampaignFlows.Durable.Hosting;

/// <summary>
/// Engine settings; bindable from configuration (the host maps host.json's <c>extensions:durableTask</c> here).
/// Validated when the engine starts.
/// </summary>
public sealed class DurableEngineOptions
{
    /// <summary>The task hub name: isolates instances of different apps sharing one store.</summary>
    public string HubName { get; set; } = "CampaignFlows";

    /// <summary>Which store and where.</summary>
    public StorageProviderOptions StorageProvider { get; set; } = new();

    /// <summary>Activities run at once on this host.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Orchestration episodes run at once on this host.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Keep live orchestrations in memory between episodes so they need no replay.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>How long a cached orchestration is kept without events.</summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This host's stable identity, recorded on every lease it takes (with a per-process suffix). Give each host its own
    /// value that survives restarts (a StatefulSet pod name, a VM name); the default is the machine name.
    /// </summary>
    /// <remarks>
    /// On start, a host releases at once the leases of earlier processes with the same identity that the store can
    /// prove dead (their liveness claim is gone: a PostgreSQL session advisory lock, or a lock file beside a SQLite
    /// database, both dropped by the operating system the moment a process dies), instead of waiting
    /// <see cref="LeaseDuration"/> for them to expire. Two live processes that share an identity each keep a claim, so
    /// neither takes the other's work. Leases of other identities are never released early, since a host that only
    /// lost its database connection may still be running their work; they expire as before.
    /// </remarks>
    public string HostId { get; set; } = Environment.MachineName;

    /// <summary>How long a work item lease lasts without renewal; a crashed host's work moves on after this (at once when
    /// the host restarts under the same <see cref="HostId"/>).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest wait between polls when work was found recently.</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest wait between polls when idle (local writes wake the dispatchers at once).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Payloads larger than this are stored out of the hot rows.</summary>
    public int MaxInlinePayloadBytes { get; set; } = 8 * 1024;

    /// <summary>Inputs, outputs, results and events larger than this are refused.</summary>
    public int MaxPayloadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Inbox messages applied in one episode at most.</summary>
    public int MaxMessagesPerEpisode { get; set; } = 1000;

    /// <summary>Flow-control keys defined on start (rate limits, quotas, concurrency caps).</summary>
    public Dictionary<string, FlowLimit> FlowLimits { get; set; } = [];

    /// <summary>How long shutdown waits for running activities before releasing their leases.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The store: <c>sqlite</c> (default, one host) or <c>postgres</c> (many hosts).</summary>
public sealed class StorageProviderOptions
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Type { get; set; } = "sqlite";

    /// <summary>The store's connection string, e.g. <c>Data Source=campaignflows.db</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=campaignflows.db";
}
