using System.Text.Json;
using CampaignFlows.Durable.History;

namespace CampaignFlows.Durable.Stores.Sqlite;

internal sealed partial class SqliteDurableStore
{
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(OrchestrationLockRequest request, CancellationToken cancellation) =>
        InTransactionAsync<IReadOnlyList<OrchestrationWorkItem>>(() =>
        {
            var due = Query(SqliteSql.SelectDueInstances, r => r.GetString(0), ("$now", request.Now.Ticks), ("$limit", request.MaxItems));
            var items = new List<OrchestrationWorkItem>(due.Count);
            foreach (var id in due)
            {
                var token = Guid.NewGuid().ToString("N");
                if (Exec(SqliteSql.LockInstance, ("$id", id), ("$owner", request.Owner), ("$token", token),
                        ("$until", request.LeaseUntil.Ticks), ("$now", request.Now.Ticks)) == 0) continue;
                var instance = Query(SqliteSql.SelectInstance, r => ReadInstance(r, true), ("$id", id))[0];
                var messages = Query(SqliteSql.SelectDueMessages, r => new InboxMessage(r.GetInt64(0), HistoryEvent.Deserialize(ReadBody(Text(r, 1), Long(r, 2))!)),
                    ("$id", id), ("$now", request.Now.Ticks), ("$limit", request.MaxMessagesPerItem));
                var cached = request.CachedHistoryLength?.Invoke(id);
                var history = cached == instance.HistoryLength ? null : LoadHistory(id);
                items.Add(new OrchestrationWorkItem(instance, token, history, messages));
            }
            return items;
        }, cancellation);

    public Task<bool> CommitOrchestrationAsync(OrchestrationCommit commit, CancellationToken cancellation) =>
        InTransactionAsync(() => Apply(commit), cancellation);

    public Task<IReadOnlyList<bool>> CommitOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellation) =>
        InTransactionAsync<IReadOnlyList<bool>>(() => commits.Select(Apply).ToList(), cancellation);

    /// <summary>One checkpoint inside the caller's transaction; nothing is written when the lease token no longer matches.</summary>
    private bool Apply(OrchestrationCommit commit)
    {
        var id = commit.InstanceId;
        var row = Query(SqliteSql.SelectLockAndRefs, r => (Token: Text(r, 0), Length: r.GetInt32(1), Refs: new[] { Long(r, 2), Long(r, 3), Long(r, 4) }), ("$id", id));
        if (row.Count == 0 || row[0].Token != commit.LockToken) return false;
        if (commit.ConsumedMessages.Count > 0)
        {
            var seqs = JsonSerializer.Serialize(commit.ConsumedMessages);
            Exec(SqliteSql.DeleteMessagePayloads, ("$seqs", seqs));
            Exec(SqliteSql.DeleteMessages, ("$seqs", seqs));
        }
        var length = row[0].Length;
        if (commit.ReplaceHistory)
        {
            Exec(SqliteSql.DeleteHistoryPayloads, ("$id", id));
            Exec(SqliteSql.DeleteHistory, ("$id", id));
            length = 0;
        }
        foreach (var e in commit.NewHistory)
        {
            var body = Body(id, e.Serialize());
            Exec(SqliteSql.InsertHistory, ("$id", id), ("$seq", length++), ("$body", body.Inline), ("$ref", body.Ref));
        }
        UpdateInstance(commit, length, row[0].Refs);
        foreach (var a in commit.Activities) InsertActivity(a);
        foreach (var m in commit.Messages)
        {
            if (m.InstanceId == id) InsertMessage(m);
            else InsertMessageIfRunning(m);
        }
        foreach (var child in commit.SubOrchestrations) CreateChild(child);
        return true;
    }

    private void UpdateInstance(OrchestrationCommit commit, int historyLength, long?[] oldRefs)
    {
        var u = commit.Update;
        var id = commit.InstanceId;
        if (u.Input is not null) DeletePayload(oldRefs[0]);
        DeletePayload(oldRefs[1]);
        DeletePayload(oldRefs[2]);
        var input = Body(id, u.Input);
        var output = Body(id, u.Output);
        var custom = Body(id, u.CustomStatus);
        Exec(SqliteSql.UpdateInstance, ("$id", id), ("$status", u.Status.ToString()), ("$exec", u.ExecutionId),
            ("$input", input.Inline), ("$input_ref", input.Ref), ("$replace_input", u.Input is null ? 0 : 1),
            ("$output", output.Inline), ("$output_ref", output.Ref), ("$custom", custom.Inline), ("$custom_ref", custom.Ref),
            ("$failure", u.Failure is null ? null : JsonSerializer.Serialize(u.Failure, DurableJson.Options)),
            ("$updated", u.UpdatedAt.Ticks), ("$completed", u.CompletedAt?.Ticks), ("$length", historyLength),
            ("$keep", commit.KeepLease ? 1 : 0));
    }

    /// <summary>Creates a sub-orchestration, unless its id belongs to an unfinished instance: then the parent is told it failed.</summary>
    private void CreateChild(NewInstance child)
    {
        var existing = (string?)Scalar(SqliteSql.SelectInstanceStatus, ("$id", child.InstanceId));
        if (existing is not null && !Enum.Parse<OrchestrationRuntimeStatus>(existing).IsTerminal())
        {
            var parent = child.Started.Parent!;
            var failure = new TaskFailureDetails(typeof(InstanceAlreadyExistsException).FullName!,
                new InstanceAlreadyExistsException(child.InstanceId, Enum.Parse<OrchestrationRuntimeStatus>(existing)).Message);
            InsertMessage(new InstanceMessage(parent.InstanceId, new HistoryEvent(EventType.SubOrchestrationInstanceFailed, child.CreatedAt)
            {
                TaskScheduledId = parent.TaskScheduledId, ExecutionId = parent.ExecutionId, Name = child.Name, Failure = failure,
            }, child.CreatedAt));
            return;
        }
        if (existing is not null) DeleteInstance(child.InstanceId);
        InsertInstance(child);
    }

    public Task<bool> RenewOrchestrationLeaseAsync(string instanceId, string lockToken, DateTime leaseUntil, CancellationToken cancellation) =>
        InTransactionAsync(() => Exec(SqliteSql.RenewInstance, ("$id", instanceId), ("$token", lockToken), ("$until", leaseUntil.Ticks)) == 1, cancellation);

    public Task ReleaseOrchestrationAsync(string instanceId, string lockToken, CancellationToken cancellation) =>
        InTransactionAsync(() => Exec(SqliteSql.ReleaseInstance, ("$id", instanceId), ("$token", lockToken)), cancellation);
}

internal static partial class SqliteSql
{
    /// <summary>Unfinished, unleased instances with a due message; the least recently updated first so none starves.
    /// Walks the small active-instance index and probes each instance's inbox, instead of grouping a large inbox.
    /// Finished instances are not polled: messages for them are dropped on arrival.</summary>
    public const string SelectDueInstances = """
        SELECT i.instance_id FROM instances i
        WHERE i.completed_at IS NULL AND i.locked_until <= $now
          AND EXISTS (SELECT 1 FROM new_events e WHERE e.instance_id = i.instance_id AND e.visible_at <= $now)
        ORDER BY i.updated_at LIMIT $limit
        """;

    /// <summary>Takes the lease only if it is still free: the guard that makes a lease exclusive.</summary>
    public const string LockInstance = """
        UPDATE instances SET lock_owner = $owner, lock_token = $token, locked_until = $until
        WHERE instance_id = $id AND locked_until <= $now
        """;

    public const string SelectDueMessages = """
        SELECT seq, body, body_ref FROM new_events WHERE instance_id = $id AND visible_at <= $now ORDER BY seq LIMIT $limit
        """;

    public const string SelectLockAndRefs = "SELECT lock_token, history_length, input_ref, output_ref, custom_status_ref FROM instances WHERE instance_id = $id";

    /// <summary>Consumed messages go in one statement each for payloads and rows; the ids come as a JSON array.</summary>
    public const string DeleteMessagePayloads = """
        DELETE FROM payloads WHERE id IN (SELECT body_ref FROM new_events WHERE seq IN (SELECT value FROM json_each($seqs)) AND body_ref IS NOT NULL)
        """;

    public const string DeleteMessages = "DELETE FROM new_events WHERE seq IN (SELECT value FROM json_each($seqs))";

    public const string DeleteHistoryPayloads = "DELETE FROM payloads WHERE id IN (SELECT body_ref FROM history WHERE instance_id = $id AND body_ref IS NOT NULL)";

    public const string DeleteHistory = "DELETE FROM history WHERE instance_id = $id";

    public const string InsertHistory = "INSERT INTO history (instance_id, seq, body, body_ref) VALUES ($id, $seq, $body, $ref)";

    /// <summary>The checkpoint's row update; also releases the lease unless the host keeps the instance (extended session).</summary>
    public const string UpdateInstance = """
        UPDATE instances SET status = $status, execution_id = $exec,
            input = CASE WHEN $replace_input = 1 THEN $input ELSE input END,
            input_ref = CASE WHEN $replace_input = 1 THEN $input_ref ELSE input_ref END,
            output = $output, output_ref = $output_ref, custom_status = $custom, custom_status_ref = $custom_ref,
            failure = $failure, updated_at = $updated, completed_at = $completed, history_length = $length,
            lock_owner = CASE WHEN $keep = 1 THEN lock_owner END,
            lock_token = CASE WHEN $keep = 1 THEN lock_token END,
            locked_until = CASE WHEN $keep = 1 THEN locked_until ELSE 0 END
        WHERE instance_id = $id
        """;

    public const string RenewInstance = "UPDATE instances SET locked_until = $until WHERE instance_id = $id AND lock_token = $token";

    public const string ReleaseInstance = "UPDATE instances SET lock_owner = NULL, lock_token = NULL, locked_until = 0 WHERE instance_id = $id AND lock_token = $token";
}
