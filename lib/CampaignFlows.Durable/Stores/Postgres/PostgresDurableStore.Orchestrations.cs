using CampaignFlows.Durable.History;

namespace CampaignFlows.Durable.Stores.Postgres;

internal sealed partial class PostgresDurableStore
{
    /// <summary>Two round trips: one statement leases the instances (SKIP LOCKED, so hosts never wait on each other), one
    /// batch loads their due messages and the histories the caller does not hold.</summary>
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(OrchestrationLockRequest request, CancellationToken cancellation) =>
        RunLeaseAsync<IReadOnlyList<OrchestrationWorkItem>>(nameof(LockOrchestrationsAsync), async (c, ct) =>
        {
            var leased = await QueryAsync(c, PostgresSql.LockDueInstances, r => (Token: r.GetString(0), Instance: ReadInstance(r, 1)), ct,
                P.Text("owner", request.Owner), P.Long("now", request.Now.Ticks), P.Long("until", request.LeaseUntil.Ticks),
                P.Int("scan", Math.Max(request.MaxItems * 2, request.MaxItems + 8)), P.Int("max", request.MaxItems)).ConfigureAwait(false);
            if (leased.Count == 0) return [];
            var ids = leased.Select(l => l.Instance.InstanceId).ToList();
            var needHistory = leased.Where(l => request.CachedHistoryLength?.Invoke(l.Instance.InstanceId) != l.Instance.HistoryLength)
                .Select(l => l.Instance.InstanceId).ToList();
            var messages = ids.ToDictionary(id => id, _ => new List<InboxMessage>(), StringComparer.Ordinal);
            var histories = needHistory.ToDictionary(id => id, _ => new List<HistoryEvent>(), StringComparer.Ordinal);
            await using (var batch = new Npgsql.NpgsqlBatch(c))
            {
                Add(batch, PostgresSql.SelectDueMessages, P.Texts("ids", ids), P.Long("now", request.Now.Ticks), P.Int("limit", request.MaxMessagesPerItem));
                Add(batch, PostgresSql.SelectHistory, P.Texts("ids", needHistory));
                await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    messages[reader.GetString(0)].Add(new InboxMessage(reader.GetInt64(1), HistoryEvent.Deserialize(reader.GetString(2))));
                await reader.NextResultAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) histories[reader.GetString(0)].Add(HistoryEvent.Deserialize(reader.GetString(1)));
            }
            return leased.Select(l => new OrchestrationWorkItem(l.Instance, l.Token,
                histories.TryGetValue(l.Instance.InstanceId, out var h) ? h : null, messages[l.Instance.InstanceId])).ToList();
        }, cancellation);

    public Task<bool> RenewOrchestrationLeaseAsync(string instanceId, string lockToken, DateTime leaseUntil, CancellationToken cancellation) =>
        RunLeaseAsync(nameof(RenewOrchestrationLeaseAsync), async (c, ct) => await ExecAsync(c, PostgresSql.RenewInstance, ct, P.Text("id", instanceId),
            P.Text("token", lockToken), P.Long("until", leaseUntil.Ticks)).ConfigureAwait(false) == 1, cancellation);

    public Task ReleaseOrchestrationAsync(string instanceId, string lockToken, CancellationToken cancellation) =>
        RunLeaseAsync(nameof(ReleaseOrchestrationAsync), (c, ct) => ExecAsync(c, PostgresSql.ReleaseInstance, ct, P.Text("id", instanceId), P.Text("token", lockToken)),
            cancellation);
}

internal static partial class PostgresSql
{
    /// <summary>
    /// Leases instances with a due message and no live lease, oldest waiting message first so none starves. The inner
    /// query looks at a few more instances than wanted, so rows another host is leasing right now (skipped, not waited
    /// for) still leave enough to fill the poll. The token is made by the server, one per row.
    /// </summary>
    public static string LockDueInstances => $$"""
        WITH due AS (
            SELECT e.instance_id, min(e.seq) AS first_seq
            FROM {schema}.new_events e JOIN {schema}.instances i ON i.instance_id = e.instance_id
            WHERE e.visible_at <= @now AND i.locked_until <= @now
            GROUP BY e.instance_id ORDER BY first_seq LIMIT @scan
        ), picked AS (
            SELECT i.instance_id FROM {schema}.instances i JOIN due d ON d.instance_id = i.instance_id
            WHERE i.locked_until <= @now
            ORDER BY d.first_seq LIMIT @max
            FOR UPDATE OF i SKIP LOCKED
        )
        UPDATE {schema}.instances i SET lock_owner = @owner, lock_token = gen_random_uuid()::text, locked_until = @until
        FROM picked WHERE i.instance_id = picked.instance_id
        RETURNING i.lock_token, {{InstanceColumns}}
        """;

    /// <summary>The oldest due messages of each leased instance, at most @limit each.</summary>
    public static string SelectDueMessages => $$"""
        SELECT x.id, e.seq, {{Body("e.body", "e.body_ref")}}
        FROM unnest(@ids) AS x(id) CROSS JOIN LATERAL (
            SELECT seq, body, body_ref FROM {schema}.new_events
            WHERE instance_id = x.id AND visible_at <= @now ORDER BY seq LIMIT @limit) e
        ORDER BY x.id, e.seq
        """;

    public const string RenewInstance = "UPDATE {schema}.instances SET locked_until = @until WHERE instance_id = @id AND lock_token = @token";

    public const string ReleaseInstance = """
        UPDATE {schema}.instances SET lock_owner = NULL, lock_token = NULL, locked_until = 0 WHERE instance_id = @id AND lock_token = @token
        """;
}
