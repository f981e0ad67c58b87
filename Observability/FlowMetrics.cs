using System.Diagnostics.Metrics;

namespace CampaignFlows.Observability;

/// <summary>Gauges of the engine's flow controls and queues, read from the latest <see cref="FlowSnapshot"/>.</summary>
/// <remarks>Observable instruments are read on the exporter's thread and must not block, so the values are sampled by
/// <see cref="FlowMetricsSampler"/> in the background and only read here.</remarks>
public sealed class FlowMetrics
{
    private volatile FlowSnapshot _latest = FlowSnapshot.Empty;

    /// <summary>Creates the gauges on the app's meter.</summary>
    public FlowMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.Name);
        meter.CreateObservableGauge("campaignflows_rate_limit_tokens_per_second",
            () => _latest.Accounts.Where(a => a.EffectivePerSecond is not null).Select(a => new Measurement<double>(a.EffectivePerSecond!.Value,
                new KeyValuePair<string, object?>(Telemetry.AccountTag, a.Account))), "{mail}/s", "Send rate in force per account (tokens added per second).");
        meter.CreateObservableGauge("campaignflows_rate_limit_running",
            () => _latest.Accounts.Select(a => new Measurement<long>(a.Running, new KeyValuePair<string, object?>(Telemetry.AccountTag, a.Account))),
            "{activity}", "Send activities running under the account's rate limit.");
        meter.CreateObservableGauge("campaignflows_quota_used_ratio",
            () => _latest.Accounts.Where(a => a.QuotaUsedShare is not null).Select(a => new Measurement<double>(a.QuotaUsedShare!.Value,
                new KeyValuePair<string, object?>(Telemetry.AccountTag, a.Account))), "1", "Share of the rolling 24-hour quota spent.");
        meter.CreateObservableGauge("campaignflows_orchestrations",
            () => _latest.Orchestrations.Select(o => new Measurement<long>(o.Value, new KeyValuePair<string, object?>("status", o.Key))),
            "{instance}", "Unfinished orchestration instances by status.");
        meter.CreateObservableGauge("campaignflows_campaign_queue_depth",
            () => _latest.CampaignQueues.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>(Telemetry.CampaignTag, c.Key))),
            "{mail}", "Recipients still queued per running campaign.");
    }

    /// <summary>The values the gauges report until the next update.</summary>
    public FlowSnapshot Latest => _latest;

    /// <summary>Replaces the values the gauges report.</summary>
    public void Update(FlowSnapshot snapshot) => _latest = snapshot;
}

/// <summary>Sampled flow-control and queue state.</summary>
/// <param name="Accounts">Per-account rate and quota.</param>
/// <param name="Orchestrations">Unfinished instances by status.</param>
/// <param name="CampaignQueues">Queued recipients per running campaign.</param>
public sealed record FlowSnapshot(IReadOnlyList<AccountFlowSample> Accounts, IReadOnlyDictionary<string, long> Orchestrations,
    IReadOnlyDictionary<string, long> CampaignQueues)
{
    /// <summary>Nothing sampled yet.</summary>
    public static FlowSnapshot Empty { get; } = new([], new Dictionary<string, long>(), new Dictionary<string, long>());
}

/// <summary>One account's sampled flow state.</summary>
/// <param name="Account">The account.</param>
/// <param name="EffectivePerSecond">The rate in force.</param>
/// <param name="Running">Send activities running under its rate key.</param>
/// <param name="QuotaUsedShare">Share of its 24-hour quota spent, when it has one.</param>
public sealed record AccountFlowSample(string Account, double? EffectivePerSecond, int Running, double? QuotaUsedShare);
