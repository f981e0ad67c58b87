using System.Text.Json;
using CampaignFlows.Durable.History;
using Microsoft.Data.Sqlite;

namespace CampaignFlows.Durable.Stores.Sqlite;

internal sealed partial class SqliteDurableStore
{
    public Task CreateInstanceAsync(NewInstance instance, CancellationToken cancellation) =>
        InTransactionAsync(() =>
        {
            var existing = (string?)Scalar(SqliteSql.SelectInstanceStatus, ("$id", instance.InstanceId));
            if (existing is not null)
            {
                var status = Enum.Parse<OrchestrationRuntimeStatus>(existing);
                if (!status.IsTerminal()) throw new InstanceAlreadyExistsException(instance.InstanceId, status);
                DeleteInstance(instance.InstanceId);
            }
            InsertInstance(instance);
            return 0;
        }, cancellation);

    private void InsertInstance(NewInstance instance)
    {
        var input = Body(instance.InstanceId, instance.Input);
        Exec(SqliteSql.InsertInstance, ("$id", instance.InstanceId), ("$name", instance.Name), ("$exec", instance.Started.ExecutionId),
            ("$status", nameof(OrchestrationRuntimeStatus.Pending)), ("$now", instance.CreatedAt.Ticks), ("$input", input.Inline),
            ("$input_ref", input.Ref), ("$parent", instance.Started.Parent?.InstanceId), ("$trace", instance.TraceParent));
        InsertMessage(new InstanceMessage(instance.InstanceId, instance.Started, instance.VisibleAt));
    }

    private void InsertMessage(InstanceMessage message)
    {
        var body = Body(message.InstanceId, message.Event.Serialize());
        Exec(SqliteSql.InsertMessage, ("$id", message.InstanceId), ("$visible", message.VisibleAt.Ticks), ("$body", body.Inline), ("$ref", body.Ref));
    }

    private void DeleteInstance(string instanceId)
    {
        foreach (var sql in SqliteSql.DeleteInstanceRows) Exec(sql, ("$id", instanceId));
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellation) =>
        RunAsync(() => Query(SqliteSql.SelectInstance, r => ReadInstance(r, includePayloads), ("$id", instanceId)).FirstOrDefault(), cancellation);

    private InstanceRecord ReadInstance(SqliteDataReader r, bool includePayloads) => new()
    {
        InstanceId = r.GetString(0),
        Name = r.GetString(1),
        ExecutionId = r.GetString(2),
        Status = Enum.Parse<OrchestrationRuntimeStatus>(r.GetString(3)),
        CreatedAt = Time(r.GetInt64(4)),
        UpdatedAt = Time(r.GetInt64(5)),
        CompletedAt = Long(r, 6) is { } c ? Time(c) : null,
        Input = includePayloads ? ReadBody(Text(r, 7), Long(r, 8)) : null,
        Output = includePayloads ? ReadBody(Text(r, 9), Long(r, 10)) : null,
        CustomStatus = includePayloads ? ReadBody(Text(r, 11), Long(r, 12)) : null,
        Failure = Text(r, 13) is { } f ? JsonSerializer.Deserialize<TaskFailureDetails>(f, DurableJson.Options) : null,
        ParentInstanceId = Text(r, 14),
        HistoryLength = r.GetInt32(15),
        TraceParent = Text(r, 16),
    };

    public Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, CancellationToken cancellation) => RunAsync(() =>
    {
        var statuses = filter.Statuses is { Count: > 0 } s ? string.Join(',', s.Select(x => x.ToString())) : null;
        var rows = Query(SqliteSql.QueryInstances, r => ReadInstance(r, filter.IncludePayloads),
            ("$after", filter.ContinuationToken ?? ""), ("$from", filter.CreatedFrom?.Ticks), ("$to", filter.CreatedTo?.Ticks),
            ("$statuses", statuses), ("$prefix", filter.InstanceIdPrefix), ("$limit", filter.PageSize + 1));
        var more = rows.Count > filter.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new InstancePage(rows, more ? rows[^1].InstanceId : null);
    }, cancellation);

    public Task<IReadOnlyList<HistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellation) => RunAsync(() =>
        Scalar(SqliteSql.SelectInstanceStatus, ("$id", instanceId)) is null ? null : (IReadOnlyList<HistoryEvent>?)LoadHistory(instanceId),
        cancellation);

    private List<HistoryEvent> LoadHistory(string instanceId) =>
        Query(SqliteSql.SelectHistory, r => HistoryEvent.Deserialize(ReadBody(Text(r, 0), Long(r, 1))!), ("$id", instanceId));

    public Task<bool> SendMessageAsync(InstanceMessage message, CancellationToken cancellation) => InTransactionAsync(() =>
    {
        var status = (string?)Scalar(SqliteSql.SelectInstanceStatus, ("$id", message.InstanceId));
        if (status is null) return false;
        if (!Enum.Parse<OrchestrationRuntimeStatus>(status).IsTerminal()) InsertMessage(message);
        return true;
    }, cancellation);

    /// <summary>Delivers a message only to an unfinished instance: a finished one would never read it.</summary>
    private void InsertMessageIfRunning(InstanceMessage message)
    {
        if (Scalar(SqliteSql.SelectInstanceStatus, ("$id", message.InstanceId)) is string status && !Enum.Parse<OrchestrationRuntimeStatus>(status).IsTerminal())
            InsertMessage(message);
    }

    public Task<int> PurgeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellation) => InTransactionAsync(() =>
    {
        var purged = 0;
        foreach (var id in instanceIds)
        {
            var status = (string?)Scalar(SqliteSql.SelectInstanceStatus, ("$id", id));
            if (status is null || !Enum.Parse<OrchestrationRuntimeStatus>(status).IsTerminal()) continue;
            DeleteInstance(id);
            purged++;
        }
        return purged;
    }, cancellation);
}

internal static partial class SqliteSql
{
    public const string SelectInstanceStatus = "SELECT status FROM instances WHERE instance_id = $id";

    public const string InsertInstance = """
        INSERT INTO instances (instance_id, name, execution_id, status, created_at, updated_at, input, input_ref, parent_instance_id, trace_parent)
        VALUES ($id, $name, $exec, $status, $now, $now, $input, $input_ref, $parent, $trace)
        """;

    public const string InsertMessage = "INSERT INTO new_events (instance_id, visible_at, body, body_ref) VALUES ($id, $visible, $body, $ref)";

    private const string InstanceColumns = """
        instance_id, name, execution_id, status, created_at, updated_at, completed_at, input, input_ref, output, output_ref,
        custom_status, custom_status_ref, failure, parent_instance_id, history_length, trace_parent
        """;

    public const string SelectInstance = $"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id";

    /// <summary>Keyset paging on the primary key: the continuation token is the last id returned, so pages stay
    /// stable while instances are added, and each page is an index range scan. Status filter is a comma list.</summary>
    public const string QueryInstances = $"""
        SELECT {InstanceColumns} FROM instances
        WHERE instance_id > $after
          AND ($from IS NULL OR created_at >= $from)
          AND ($to IS NULL OR created_at <= $to)
          AND ($statuses IS NULL OR instr(',' || $statuses || ',', ',' || status || ',') > 0)
          AND ($prefix IS NULL OR substr(instance_id, 1, length($prefix)) = $prefix)
        ORDER BY instance_id LIMIT $limit
        """;

    public const string SelectHistory = "SELECT body, body_ref FROM history WHERE instance_id = $id ORDER BY seq";

    /// <summary>Everything an instance owns, payloads first (they are found through the instance id).</summary>
    public static readonly string[] DeleteInstanceRows =
    [
        "DELETE FROM payloads WHERE instance_id = $id",
        "DELETE FROM history WHERE instance_id = $id",
        "DELETE FROM new_events WHERE instance_id = $id",
        "DELETE FROM activities WHERE instance_id = $id",
        "DELETE FROM instances WHERE instance_id = $id",
    ];
}
