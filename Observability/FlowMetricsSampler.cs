using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Observability;

/// <summary>Samples the flow controls and queues into <see cref="FlowMetrics"/> every <see cref="ObservabilityOptions.SampleInterval"/>.</summary>
public sealed class FlowMetricsSampler(FlowMetrics metrics, MailAccounts accounts, DurableTaskClient client, IOptions<ObservabilityOptions> options,
    TimeProvider time, ILogger<FlowMetricsSampler> logger) : BackgroundService
{
    private static readonly OrchestrationRuntimeStatus[] Unfinished =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>Takes one sample now.</summary>
    public async Task<FlowSnapshot> SampleAsync(CancellationToken cancellation)
    {
        var samples = new List<AccountFlowSample>();
        foreach (var account in accounts.All)
        {
            var rate = await client.GetFlowLimitAsync(MailAccounts.RateKey(account.Name), cancellation).ConfigureAwait(false);
            var quota = await client.GetFlowLimitAsync(MailAccounts.QuotaKey(account.Name), cancellation).ConfigureAwait(false);
            samples.Add(new AccountFlowSample(account.Name, rate?.EffectivePerSecond ?? rate?.Limit.PerSecond, rate?.Running ?? 0,
                quota?.Limit.WindowLimit is > 0 ? quota.SpentInWindow / quota.Limit.WindowLimit.Value : null));
        }
        var byStatus = Unfinished.ToDictionary(s => s.ToString(), _ => 0L);
        var queues = new Dictionary<string, long>();
        var seen = 0;
        await foreach (var instance in client.QueryInstances(new OrchestrationQuery { Statuses = Unfinished }, cancellation).ConfigureAwait(false))
        {
            byStatus[instance.RuntimeStatus.ToString()]++;
            if (instance.Name == nameof(Orchestrations.CampaignOrchestrator) && instance.ReadCustomStatusAs<CampaignProgress>() is { } progress)
                queues[instance.InstanceId] = progress.Queued;
            if (++seen >= options.Value.MaxSampledInstances) break;
        }
        var snapshot = new FlowSnapshot(samples, byStatus, queues);
        metrics.Update(snapshot);
        return snapshot;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Logs.FlowSampleFailed(logger, error.GetType().Name, error.Message);
            }
        }
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Waits for the next tick; false once the host stops, so shutdown is not reported as a failure.</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
