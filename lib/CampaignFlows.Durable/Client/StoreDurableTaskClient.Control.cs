using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Runtime;
using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Client;

internal sealed partial class StoreDurableTaskClient
{
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var json = JsonPayload.Serialize(eventPayload);
        JsonPayload.EnsureSize(json, host.Options.MaxPayloadBytes, $"The payload of event '{eventName}'");
        return SendAsync(instanceId, new HistoryEvent(EventType.EventRaised, host.UtcNow) { Name = eventName, Data = json }, cancellation);
    }

    public override async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default)
    {
        var json = JsonPayload.Serialize(output);
        JsonPayload.EnsureSize(json, host.Options.MaxPayloadBytes, "The termination output");
        var current = await Store.GetInstanceAsync(instanceId, false, cancellation).ConfigureAwait(false) ?? throw new InstanceNotFoundException(instanceId);
        if (current.Status.IsTerminal()) return;
        await SendAsync(instanceId, new HistoryEvent(EventType.ExecutionTerminated, host.UtcNow) { Data = json }, cancellation).ConfigureAwait(false);
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new HistoryEvent(EventType.ExecutionSuspended, host.UtcNow) { Data = JsonPayload.Serialize(reason) }, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new HistoryEvent(EventType.ExecutionResumed, host.UtcNow) { Data = JsonPayload.Serialize(reason) }, cancellation);

    private async Task SendAsync(string instanceId, HistoryEvent e, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (!await Store.SendMessageAsync(new InstanceMessage(instanceId, e, host.UtcNow), cancellation).ConfigureAwait(false))
            throw new InstanceNotFoundException(instanceId);
        host.OrchestrationWork.Notify();
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return new PurgeResult(await Store.PurgeInstancesAsync([instanceId], cancellation).ConfigureAwait(false));
    }

    public override async Task<PurgeResult> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statuses = filter.Statuses is { Count: > 0 } s ? s.Where(x => x.IsTerminal()).ToList()
            : [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];
        var purged = 0;
        var query = new OrchestrationQuery { CreatedFrom = filter.CreatedFrom, CreatedTo = filter.CreatedTo, Statuses = statuses, PageSize = 1000 };
        var ids = new List<string>();
        await foreach (var instance in QueryInstances(query, cancellation).ConfigureAwait(false)) ids.Add(instance.InstanceId);
        foreach (var chunk in ids.Chunk(500)) purged += await Store.PurgeInstancesAsync(chunk, cancellation).ConfigureAwait(false);
        return new PurgeResult(purged);
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default)
    {
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var progress = host.Progress.Next;
            var current = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false)
                ?? throw new InstanceNotFoundException(instanceId);
            if (current.IsCompleted) return current;
            await Dispatch.WorkSignal.WaitAsync(progress, delay, host.Time, cancellation).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(1000, delay.TotalMilliseconds * 1.5));
        }
    }

    public override async Task SetFlowLimitAsync(string key, FlowLimit limit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (FlowLimitRules.Problem(key, limit) is { } problem) throw new ArgumentException(problem, nameof(limit));
        await Store.SetFlowLimitAsync(key, limit, host.UtcNow, cancellation).ConfigureAwait(false);
        host.ActivityWork.Notify();
    }

    public override Task<FlowLimitState?> GetFlowLimitAsync(string key, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Store.GetFlowLimitAsync(key, host.UtcNow, cancellation);
    }
}
