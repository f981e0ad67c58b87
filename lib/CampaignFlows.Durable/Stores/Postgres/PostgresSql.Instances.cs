namespace CampaignFlows.Durable.Stores.Postgres;

internal static partial class PostgresSql
{
    /// <summary>The terminal statuses: a finished instance reads no more messages, so none are delivered to it.</summary>
    public const string Finished = "('Completed', 'Failed', 'Terminated')";

    public const string SelectInstanceStatus = "SELECT status FROM {schema}.instances WHERE instance_id = @id";

    /// <summary>Row-locks the instance (if any) so a concurrent create, purge or checkpoint of the same id waits.</summary>
    public const string LockInstanceStatus = "SELECT status FROM {schema}.instances WHERE instance_id = @id FOR UPDATE";

    public const string LockInstanceStatuses = "SELECT instance_id, status FROM {schema}.instances WHERE instance_id = ANY(@ids) ORDER BY instance_id FOR UPDATE";

    public const string InsertInstance = """
        INSERT INTO {schema}.instances (instance_id, name, execution_id, status, created_at, updated_at, input, input_ref, parent_instance_id, trace_parent)
        VALUES (@id, @name, @exec, @status, @now, @now, @input, @input_ref, @parent, @trace)
        """;

    /// <summary>Creates an instance and its first message if the id is free; affects no row when it is taken.</summary>
    public const string InsertNewInstance = """
        WITH created AS (
            INSERT INTO {schema}.instances (instance_id, name, execution_id, status, created_at, updated_at, input, parent_instance_id, trace_parent)
            VALUES (@id, @name, @exec, @status, @now, @now, @input, @parent, @trace)
            ON CONFLICT (instance_id) DO NOTHING RETURNING instance_id)
        INSERT INTO {schema}.new_events (instance_id, visible_at, body) SELECT instance_id, @visible, @body FROM created
        """;

    public const string InsertMessage = "INSERT INTO {schema}.new_events (instance_id, visible_at, body, body_ref) VALUES (@id, @visible, @body, @ref)";

    private const string InstanceHead = "i.instance_id, i.name, i.execution_id, i.status, i.created_at, i.updated_at, i.completed_at";

    private const string InstanceTail = "i.failure, i.parent_instance_id, i.history_length, i.trace_parent";

    /// <summary>The instance row with input, output and custom status resolved from payloads where they live there.</summary>
    public static string InstanceColumns => $$"""
        {{InstanceHead}}, {{Body("i.input", "i.input_ref")}}, {{Body("i.output", "i.output_ref")}},
        {{Body("i.custom_status", "i.custom_status_ref")}}, {{InstanceTail}}
        """;

    private const string InstanceColumnsWithoutPayloads = $"{InstanceHead}, NULL::text, NULL::text, NULL::text, {InstanceTail}";

    public static string SelectInstanceWithPayloads => $"SELECT {InstanceColumns} FROM {{schema}}.instances i WHERE i.instance_id = @id";

    public const string SelectInstance = $"SELECT {InstanceColumnsWithoutPayloads} FROM {{schema}}.instances i WHERE i.instance_id = @id";

    /// <summary>Keyset paging on the primary key: the continuation token is the last id returned, so pages stay
    /// stable while instances are added, and each page is an index range scan.</summary>
    private const string QueryFilter = """
        WHERE i.instance_id > @after
          AND (@from IS NULL OR i.created_at >= @from)
          AND (@to IS NULL OR i.created_at <= @to)
          AND (cardinality(@statuses) = 0 OR i.status = ANY(@statuses))
          AND (@prefix IS NULL OR starts_with(i.instance_id, @prefix))
        ORDER BY i.instance_id LIMIT @limit
        """;

    public const string QueryInstances = $"SELECT {InstanceColumnsWithoutPayloads} FROM {{schema}}.instances i {QueryFilter}";

    public static string QueryInstancesWithPayloads => $"SELECT {InstanceColumns} FROM {{schema}}.instances i {QueryFilter}";

    /// <summary>Histories of several instances at once, for a poll that leased several.</summary>
    public static string SelectHistory => $$"""
        SELECT h.instance_id, {{Body("h.body", "h.body_ref")}} FROM {schema}.history h
        WHERE h.instance_id = ANY(@ids) ORDER BY h.instance_id, h.seq
        """;

    /// <summary>Everything an instance owns, payloads first (they are found through the instance id).</summary>
    public static readonly string[] DeleteInstanceRows =
    [
        "DELETE FROM {schema}.payloads WHERE instance_id = ANY(@ids)",
        "DELETE FROM {schema}.history WHERE instance_id = ANY(@ids)",
        "DELETE FROM {schema}.new_events WHERE instance_id = ANY(@ids)",
        "DELETE FROM {schema}.activities WHERE instance_id = ANY(@ids)",
        "DELETE FROM {schema}.instances WHERE instance_id = ANY(@ids)",
    ];
}
