using System.Text.Json;
using CampaignFlows.Durable.History;
using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

internal sealed partial class PostgresDurableStore
{
    private const string UniqueViolation = "23505";

    /// <summary>A new id costs one statement (and one commit); an id in use takes the locking path, which replaces a
    /// finished instance or refuses an unfinished one.</summary>
    public async Task CreateInstanceAsync(NewInstance instance, CancellationToken cancellation)
    {
        var started = instance.Started.Serialize();
        if (IsInline(instance.Input) && IsInline(started))
        {
            var created = await RunAsync(nameof(CreateInstanceAsync), (c, ct) => ExecAsync(c, PostgresSql.InsertNewInstance, ct,
                P.Text("id", instance.InstanceId), P.Text("name", instance.Name), P.Text("exec", instance.Started.ExecutionId),
                P.Text("status", nameof(OrchestrationRuntimeStatus.Pending)), P.Long("now", instance.CreatedAt.Ticks), P.Text("input", instance.Input),
                P.Text("parent", instance.Started.Parent?.InstanceId), P.Long("visible", instance.VisibleAt.Ticks), P.Text("body", started),
                P.Text("trace", instance.TraceParent)),
                cancellation).ConfigureAwait(false);
            if (created == 1) return;
        }
        try
        {
            await InTransactionAsync(nameof(CreateInstanceAsync), async (c, ct) =>
            {
                var existing = (string?)await ScalarAsync(c, PostgresSql.LockInstanceStatus, ct, P.Text("id", instance.InstanceId)).ConfigureAwait(false);
                if (existing is not null)
                {
                    var status = Enum.Parse<OrchestrationRuntimeStatus>(existing);
                    if (!status.IsTerminal()) throw new InstanceAlreadyExistsException(instance.InstanceId, status);
                    await DeleteInstancesAsync(c, [instance.InstanceId], ct).ConfigureAwait(false);
                }
                await InsertInstanceAsync(c, instance, ct).ConfigureAwait(false);
                return 0;
            }, cancellation).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation && ex.TableName == "instances")
        {
            // Another host created the same id between our check and our insert; it is new, so unfinished.
            throw new InstanceAlreadyExistsException(instance.InstanceId, OrchestrationRuntimeStatus.Pending);
        }
    }

    private async Task InsertInstanceAsync(NpgsqlConnection c, NewInstance instance, CancellationToken ct)
    {
        var input = await BodyAsync(c, instance.InstanceId, instance.Input, ct).ConfigureAwait(false);
        var started = await BodyAsync(c, instance.InstanceId, instance.Started.Serialize(), ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(c);
        Add(batch, PostgresSql.InsertInstance, P.Text("id", instance.InstanceId), P.Text("name", instance.Name), P.Text("exec", instance.Started.ExecutionId),
            P.Text("status", nameof(OrchestrationRuntimeStatus.Pending)), P.Long("now", instance.CreatedAt.Ticks), P.Text("input", input.Inline),
            P.Long("input_ref", input.Ref), P.Text("parent", instance.Started.Parent?.InstanceId), P.Text("trace", instance.TraceParent));
        Add(batch, PostgresSql.InsertMessage, P.Text("id", instance.InstanceId), P.Long("visible", instance.VisibleAt.Ticks), P.Text("body", started.Inline),
            P.Long("ref", started.Ref));
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task DeleteInstancesAsync(NpgsqlConnection c, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(c);
        foreach (var sql in PostgresSql.DeleteInstanceRows) Add(batch, sql, P.Texts("ids", ids));
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellation) =>
        RunAsync(nameof(GetInstanceAsync), async (c, ct) =>
            (await QueryAsync(c, includePayloads ? PostgresSql.SelectInstanceWithPayloads : PostgresSql.SelectInstance, r => ReadInstance(r), ct,
                P.Text("id", instanceId)).ConfigureAwait(false)).FirstOrDefault(), cancellation);

    /// <summary>Reads the columns of <see cref="PostgresSql.InstanceColumns"/> from <paramref name="offset"/>.</summary>
    private static InstanceRecord ReadInstance(NpgsqlDataReader r, int offset = 0) => new()
    {
        InstanceId = r.GetString(offset),
        Name = r.GetString(offset + 1),
        ExecutionId = r.GetString(offset + 2),
        Status = Enum.Parse<OrchestrationRuntimeStatus>(r.GetString(offset + 3)),
        CreatedAt = Time(r.GetInt64(offset + 4)),
        UpdatedAt = Time(r.GetInt64(offset + 5)),
        CompletedAt = r.IsDBNull(offset + 6) ? null : Time(r.GetInt64(offset + 6)),
        Input = Text(r, offset + 7),
        Output = Text(r, offset + 8),
        CustomStatus = Text(r, offset + 9),
        Failure = Text(r, offset + 10) is { } f ? JsonSerializer.Deserialize<TaskFailureDetails>(f, DurableJson.Options) : null,
        ParentInstanceId = Text(r, offset + 11),
        HistoryLength = r.GetInt32(offset + 12),
        TraceParent = Text(r, offset + 13),
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTime Time(long ticks) => new(ticks, DateTimeKind.Utc);

    public Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, CancellationToken cancellation) =>
        RunAsync(nameof(QueryInstancesAsync), async (c, ct) =>
        {
            var statuses = filter.Statuses is { Count: > 0 } s ? s.Select(x => x.ToString()) : [];
            var rows = await QueryAsync(c, filter.IncludePayloads ? PostgresSql.QueryInstancesWithPayloads : PostgresSql.QueryInstances, r => ReadInstance(r), ct,
                P.Text("after", filter.ContinuationToken ?? ""), P.Long("from", filter.CreatedFrom?.Ticks), P.Long("to", filter.CreatedTo?.Ticks),
                P.Texts("statuses", statuses), P.Text("prefix", filter.InstanceIdPrefix), P.Int("limit", filter.PageSize + 1)).ConfigureAwait(false);
            var more = rows.Count > filter.PageSize;
            if (more) rows.RemoveAt(rows.Count - 1);
            return new InstancePage(rows, more ? rows[^1].InstanceId : null);
        }, cancellation);

    public Task<IReadOnlyList<HistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellation) =>
        RunAsync<IReadOnlyList<HistoryEvent>?>(nameof(GetHistoryAsync), async (c, ct) =>
        {
            var history = await QueryAsync(c, PostgresSql.SelectHistory, r => HistoryEvent.Deserialize(r.GetString(1)), ct, P.Texts("ids", [instanceId]))
                .ConfigureAwait(false);
            if (history.Count > 0) return history;
            return await ScalarAsync(c, PostgresSql.SelectInstanceStatus, ct, P.Text("id", instanceId)).ConfigureAwait(false) is null ? null : history;
        }, cancellation);

    public Task<bool> SendMessageAsync(InstanceMessage message, CancellationToken cancellation) =>
        InTransactionAsync(nameof(SendMessageAsync), async (c, ct) =>
        {
            var status = (string?)await ScalarAsync(c, PostgresSql.SelectInstanceStatus, ct, P.Text("id", message.InstanceId)).ConfigureAwait(false);
            if (status is null) return false;
            // A finished instance reads no more messages; the caller still learns that the instance exists.
            if (Enum.Parse<OrchestrationRuntimeStatus>(status).IsTerminal()) return true;
            var body = await BodyAsync(c, message.InstanceId, message.Event.Serialize(), ct).ConfigureAwait(false);
            await ExecAsync(c, PostgresSql.InsertMessage, ct, P.Text("id", message.InstanceId), P.Long("visible", message.VisibleAt.Ticks),
                P.Text("body", body.Inline), P.Long("ref", body.Ref)).ConfigureAwait(false);
            return true;
        }, cancellation);

    public Task<int> PurgeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellation) =>
        InTransactionAsync(nameof(PurgeInstancesAsync), async (c, ct) =>
        {
            var finished = (await QueryAsync(c, PostgresSql.LockInstanceStatuses, r => (Id: r.GetString(0), Status: Enum.Parse<OrchestrationRuntimeStatus>(r.GetString(1))),
                ct, P.Texts("ids", instanceIds.Distinct())).ConfigureAwait(false)).Where(x => x.Status.IsTerminal()).Select(x => x.Id).ToList();
            if (finished.Count > 0) await DeleteInstancesAsync(c, finished, ct).ConfigureAwait(false);
            return finished.Count;
        }, cancellation);
}
