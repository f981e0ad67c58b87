namespace CampaignFlows.Durable.Stores.Postgres;

internal static partial class PostgresSql
{
    /// <summary>All activities of a checkpoint in one statement; ids follow array order. The keys of the rate limits are
    /// copied into limit_keys so concurrency caps can count leases per key.</summary>
    public const string InsertActivities = """
        INSERT INTO {schema}.activities (instance_id, execution_id, task_id, name, input, input_ref, attempt, priority, fairness_key,
                                         fairness_weight, rate_limits, limit_keys, visible_at, trace_parent)
        SELECT t.instance_id, t.execution_id, t.task_id, t.name, t.input, t.input_ref, t.attempt, t.priority, t.fkey, t.fweight, t.limits,
               CASE WHEN t.limits IS NULL THEN NULL ELSE ARRAY(SELECT e ->> 'key' FROM jsonb_array_elements(t.limits::jsonb) AS e) END,
               t.visible, t.trace
        FROM unnest(@instances, @execs, @tasks, @names, @inputs, @input_refs, @attempts, @priorities, @fkeys, @fweights, @limits, @visible, @traces)
             WITH ORDINALITY AS t(instance_id, execution_id, task_id, name, input, input_ref, attempt, priority, fkey, fweight, limits, visible, trace, ord)
        ORDER BY t.ord
        """;

    /// <summary>
    /// The oldest few ready activities of every (priority, fairness key): each waiting key must be visible to the
    /// dispatcher's weighted round-robin, even behind a large backlog of another key. The recursive part walks the
    /// distinct keys on the (priority, fairness_key, id) index one jump at a time (a loose index scan), so a backlog of
    /// thousands under one key costs a few index probes, not a scan of the backlog.
    /// </summary>
    public const string SelectCandidates = """
        WITH RECURSIVE keys AS (
            (SELECT priority, fairness_key FROM {schema}.activities ORDER BY priority, fairness_key LIMIT 1)
            UNION ALL
            SELECT n.priority, n.fairness_key FROM keys k CROSS JOIN LATERAL (
                SELECT a.priority, a.fairness_key FROM {schema}.activities a
                WHERE (a.priority, a.fairness_key) > (k.priority, k.fairness_key)
                ORDER BY a.priority, a.fairness_key LIMIT 1) n
        )
        SELECT c.id, c.priority, c.fairness_key, c.fairness_weight, c.rate_limits
        FROM keys k CROSS JOIN LATERAL (
            SELECT a.id, a.priority, a.fairness_key, a.fairness_weight, a.rate_limits FROM {schema}.activities a
            WHERE a.priority = k.priority AND a.fairness_key = k.fairness_key AND a.locked_until <= @now AND a.visible_at <= @now
            ORDER BY a.id LIMIT @per_key) c
        ORDER BY c.priority DESC, c.id LIMIT @limit
        """;

    private const string ActivityColumns = """
        a.id, a.instance_id, a.execution_id, a.task_id, a.name,
        CASE WHEN a.input_ref IS NULL THEN a.input ELSE (SELECT p.body FROM {schema}.payloads p WHERE p.id = a.input_ref) END,
        a.attempt, a.priority, a.fairness_key, a.fairness_weight, a.rate_limits, a.visible_at, a.lock_token, a.trace_parent
        """;

    /// <summary>Leases the given candidates that are still free, in the given order, up to @max; rows another host is
    /// leasing at this moment are skipped rather than waited for.</summary>
    public const string LeaseActivities = $$"""
        WITH picked AS (
            SELECT a.id FROM unnest(@ids) WITH ORDINALITY AS c(id, ord) JOIN {schema}.activities a ON a.id = c.id
            WHERE a.locked_until <= @now AND a.visible_at <= @now
            ORDER BY c.ord LIMIT @max
            FOR UPDATE OF a SKIP LOCKED
        )
        UPDATE {schema}.activities a SET lock_owner = @owner, lock_token = gen_random_uuid()::text, locked_until = @until
        FROM picked WHERE a.id = picked.id
        RETURNING {{ActivityColumns}}
        """;

    /// <summary>Locks the candidates that are still free (skipping those another host is leasing) before flow limits are
    /// consulted, so tokens are only spent on activities this host can really take.</summary>
    public const string LockFreeActivities = """
        SELECT a.id FROM unnest(@ids) WITH ORDINALITY AS c(id, ord) JOIN {schema}.activities a ON a.id = c.id
        WHERE a.locked_until <= @now AND a.visible_at <= @now
        ORDER BY c.ord
        FOR UPDATE OF a SKIP LOCKED
        """;

    /// <summary>
    /// A completion counts only while its lease token still matches: a worker that lost its lease deletes nothing, so
    /// its result is discarded. One statement applies a whole batch: delete the leased rows, drop their input payloads,
    /// and deliver the completions of the rows actually deleted to instances still running. A batch may carry a stale
    /// and a current result of the same activity; matching on (id, token) lets only the current one through.
    /// </summary>
    public const string CompleteActivities = $$"""
        WITH r AS MATERIALIZED (
            SELECT * FROM unnest(@ids, @tokens, @instances, @visible, @bodies, @refs) WITH ORDINALITY
                AS r(id, token, instance_id, visible_at, body, body_ref, ord)
        ), done AS (
            DELETE FROM {schema}.activities a USING r WHERE a.id = r.id AND a.lock_token = r.token RETURNING a.id, a.lock_token, a.input_ref
        ), freed AS (
            DELETE FROM {schema}.payloads p USING done d WHERE p.id = d.input_ref
        ), sent AS (
            INSERT INTO {schema}.new_events (instance_id, visible_at, body, body_ref)
            SELECT r.instance_id, r.visible_at, r.body, r.body_ref FROM r JOIN done d ON d.id = r.id AND d.lock_token = r.token
            WHERE EXISTS (SELECT 1 FROM {schema}.instances i WHERE i.instance_id = r.instance_id AND i.status NOT IN {{Finished}})
            ORDER BY r.ord
        )
        SELECT id, lock_token FROM done
        """;

    public const string RenewActivity = "UPDATE {schema}.activities SET locked_until = @until WHERE id = @id AND lock_token = @token";

    public const string RequeueActivity = """
        UPDATE {schema}.activities SET lock_owner = NULL, lock_token = NULL, locked_until = 0, visible_at = @visible
        WHERE id = @id AND lock_token = @token RETURNING rate_limits
        """;
}
