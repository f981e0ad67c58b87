using CampaignFlows.Durable.Diagnostics;
using CampaignFlows.Durable.History;
using CampaignFlows.Durable.Hosting;
using CampaignFlows.Durable.Runtime;
using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Client;

/// <summary>The <see cref="DurableTaskClient"/> over the engine's store: every call is one store operation.</summary>
internal sealed partial class StoreDurableTaskClient(EngineHost host, DurableTaskRegistry registry) : DurableTaskClient
{
    private IDurableStore Store => host.Store;

    public override string Name => host.Options.HubName;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null,
        StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        if (!registry.TryGetOrchestrator(orchestratorName, out _))
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        var id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(id, "The instance id");
        var json = JsonPayload.Serialize(input);
        JsonPayload.EnsureSize(json, host.Options.MaxPayloadBytes, $"The input of orchestration '{orchestratorName}'");
        var now = host.UtcNow;
        var started = new HistoryEvent(EventType.ExecutionStarted, now) { Name = orchestratorName, Data = json, ExecutionId = Guid.NewGuid().ToString("N") };
        var visibleAt = options?.StartAt is { } at && at.UtcDateTime > now ? at.UtcDateTime : now;
        await Store.CreateInstanceAsync(new NewInstance(id, orchestratorName, json, now, started, visibleAt, EngineTelemetry.Current()), cancellation).ConfigureAwait(false);
        host.OrchestrationWork.Notify();
        return id;
    }

    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var record = await Store.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false);
        return record is null ? null : ToMetadata(record);
    }

    public override async Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000) throw new ArgumentException($"PageSize must be between 1 and 1,000 (was {query.PageSize}).", nameof(query));
        var page = await Store.QueryInstancesAsync(new InstanceFilter
        {
            CreatedFrom = query.CreatedFrom?.UtcDateTime,
            CreatedTo = query.CreatedTo?.UtcDateTime,
            Statuses = ExpandStatuses(query.Statuses),
            InstanceIdPrefix = string.IsNullOrEmpty(query.InstanceIdPrefix) ? null : query.InstanceIdPrefix,
            PageSize = query.PageSize,
            IncludePayloads = query.FetchInputsAndOutputs,
            ContinuationToken = ContinuationTokens.Decode(query.ContinuationToken),
        }, cancellation).ConfigureAwait(false);
        return new OrchestrationQueryPage(page.Items.Select(ToMetadata).ToList(), ContinuationTokens.Encode(page.ContinuationToken));
    }

    /// <summary>Observers see ContinuedAsNew as Running, so a Running filter must match both.</summary>
    private static IReadOnlyCollection<OrchestrationRuntimeStatus>? ExpandStatuses(IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses) =>
        statuses is { Count: > 0 } s && s.Contains(OrchestrationRuntimeStatus.Running) ? s.Append(OrchestrationRuntimeStatus.ContinuedAsNew).ToList() : statuses;

    public override async Task<IReadOnlyList<HistoryEventInfo>?> GetInstanceHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        var history = await Store.GetHistoryAsync(instanceId, cancellation).ConfigureAwait(false);
        return history?.Select(e => new HistoryEventInfo(e.EventId >= 0 ? e.EventId : e.TaskScheduledId, e.Type.ToString(),
            new DateTimeOffset(e.Timestamp, TimeSpan.Zero), e.Name,
            e.Failure is not null ? System.Text.Json.JsonSerializer.Serialize(e.Failure, DurableJson.Options) : e.Data)).ToList();
    }

    internal static OrchestrationMetadata ToMetadata(InstanceRecord r) => new()
    {
        Name = r.Name,
        InstanceId = r.InstanceId,
        RuntimeStatus = r.Status == OrchestrationRuntimeStatus.ContinuedAsNew ? OrchestrationRuntimeStatus.Running : r.Status,
        CreatedAt = new DateTimeOffset(r.CreatedAt, TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(r.UpdatedAt, TimeSpan.Zero),
        SerializedInput = r.Input,
        SerializedOutput = r.Output,
        SerializedCustomStatus = r.CustomStatus,
        FailureDetails = r.Failure,
    };
}
