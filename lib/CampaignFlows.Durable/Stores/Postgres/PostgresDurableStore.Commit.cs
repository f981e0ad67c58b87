using System.Text.Json;
using CampaignFlows.Durable.History;
using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

internal sealed partial class PostgresDurableStore
{
    /// <summary>
    /// One transaction, three round trips in the common case: lock the instance row and check the lease token; send every
    /// write as one batch (set-based inserts from arrays); commit. A lost lease writes nothing. A history row that already
    /// exists means another execution of the same episode committed first: the transaction is dropped and the checkpoint
    /// reported as lost, never applied twice.
    /// </summary>
    public async Task<bool> CommitOrchestrationAsync(OrchestrationCommit commit, CancellationToken cancellation)
    {
        try
        {
            var prepared = new[] { Prepare(commit) };
            return (await InTransactionAsync(nameof(CommitOrchestrationAsync), (c, ct) => CommitAsync(c, prepared, ct), cancellation).ConfigureAwait(false))[0];
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation && ex.TableName == "history")
        {
            _logger.PostgresDuplicateCheckpoint(commit.InstanceId);
            return false;
        }
    }

    /// <summary>Group commit: the same three round trips and one WAL flush for all the checkpoints, whose rows are locked in
    /// one statement in id order (so hosts committing overlapping sets queue instead of deadlocking). A duplicate execution
    /// of any of them fails the whole transaction; the caller then commits them one by one, which singles it out.</summary>
    public Task<IReadOnlyList<bool>> CommitOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellation)
    {
        var prepared = commits.Select(Prepare).ToList();
        return InTransactionAsync(nameof(CommitOrchestrationsAsync), (c, ct) => CommitAsync(c, prepared, ct), cancellation);
    }

    /// <summary>A checkpoint with its events already serialized: done before the transaction opens, so the row locks are not
    /// held while the client works.</summary>
    private sealed record PreparedCommit(OrchestrationCommit Commit, List<(string, string?)> History, List<(string, string?)> Messages);

    private static PreparedCommit Prepare(OrchestrationCommit commit) => new(commit,
        commit.NewHistory.Select(e => (commit.InstanceId, (string?)e.Serialize())).ToList(),
        commit.Messages.Select(m => (m.InstanceId, (string?)m.Event.Serialize())).ToList());

    private async Task<IReadOnlyList<bool>> CommitAsync(NpgsqlConnection c, IReadOnlyList<PreparedCommit> prepared, CancellationToken ct)
    {
        var commits = prepared.Select(p => p.Commit).ToList();
        var rows = (await QueryAsync(c, PostgresSql.LockForCommit, r => (Id: r.GetString(0), Token: Text(r, 1), Length: r.GetInt32(2),
                Refs: new[] { NullableLong(r, 3), NullableLong(r, 4), NullableLong(r, 5) }), ct, P.Texts("ids", commits.Select(x => x.InstanceId)))
            .ConfigureAwait(false)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var applied = commits.Select(x => rows.TryGetValue(x.InstanceId, out var row) && row.Token == x.LockToken).ToList();
        await using var batch = new NpgsqlBatch(c);
        for (var i = 0; i < commits.Count; i++)
        {
            if (!applied[i]) continue;
            var row = rows[commits[i].InstanceId];
            await AddCommitAsync(c, batch, prepared[i], row.Length, row.Refs, ct).ConfigureAwait(false);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < commits.Count; i++)
        {
            if (!applied[i]) continue;
            foreach (var child in commits[i].SubOrchestrations) await CreateChildAsync(c, child, ct).ConfigureAwait(false);
        }
        return applied;
    }

    /// <summary>Adds one checkpoint's writes (its lease already checked) to the transaction's batch.</summary>
    private async Task AddCommitAsync(NpgsqlConnection c, NpgsqlBatch batch, PreparedCommit prepared, int storedLength, long?[] oldRefs, CancellationToken ct)
    {
        var commit = prepared.Commit;
        var id = commit.InstanceId;
        var u = commit.Update;
        var history = await BodiesAsync(c, prepared.History, ct).ConfigureAwait(false);
        var row = await BodiesAsync(c, [(id, u.Input), (id, u.Output), (id, u.CustomStatus)], ct).ConfigureAwait(false);
        var first = commit.ReplaceHistory ? 0 : storedLength;

        if (commit.ConsumedMessages.Count > 0) Add(batch, PostgresSql.DeleteMessages, P.Longs("seqs", commit.ConsumedMessages));
        if (commit.ReplaceHistory) Add(batch, PostgresSql.DeleteHistory, P.Text("id", id));
        if (commit.NewHistory.Count > 0)
        {
            Add(batch, PostgresSql.InsertHistory, P.Text("id", id), P.Ints("seqs", Enumerable.Range(first, commit.NewHistory.Count)),
                P.Texts("bodies", history.Inline), P.NullableLongs("refs", history.Refs));
        }
        var stale = (u.Input is null ? oldRefs.Skip(1) : oldRefs).OfType<long>().ToList();
        if (stale.Count > 0) Add(batch, PostgresSql.DeletePayloads, P.Longs("ids", stale));
        Add(batch, PostgresSql.UpdateInstance, P.Text("id", id), P.Text("status", u.Status.ToString()), P.Text("exec", u.ExecutionId),
            P.Bool("replace_input", u.Input is not null), P.Text("input", row.Inline[0]), P.Long("input_ref", row.Refs[0]),
            P.Text("output", row.Inline[1]), P.Long("output_ref", row.Refs[1]), P.Text("custom", row.Inline[2]), P.Long("custom_ref", row.Refs[2]),
            P.Text("failure", u.Failure is null ? null : JsonSerializer.Serialize(u.Failure, DurableJson.Options)),
            P.Long("updated", u.UpdatedAt.Ticks), P.Long("completed", u.CompletedAt?.Ticks), P.Int("length", first + commit.NewHistory.Count),
            P.Bool("keep", commit.KeepLease));
        if (commit.Activities.Count > 0) await AddActivitiesAsync(c, batch, commit.Activities, ct).ConfigureAwait(false);
        if (commit.Messages.Count > 0) await AddMessagesAsync(c, batch, id, commit.Messages, prepared.Messages, ct).ConfigureAwait(false);
    }

    private static long? NullableLong(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    /// <summary>Messages to this instance always; to others only while they run (a purged or finished parent gets nothing).</summary>
    private async Task AddMessagesAsync(NpgsqlConnection c, NpgsqlBatch batch, string self, IReadOnlyList<InstanceMessage> messages,
        List<(string, string?)> serialized, CancellationToken ct)
    {
        var bodies = await BodiesAsync(c, serialized, ct).ConfigureAwait(false);
        Add(batch, PostgresSql.InsertMessages, P.Text("self", self), P.Texts("instances", messages.Select(m => m.InstanceId)),
            P.Longs("visible", messages.Select(m => m.VisibleAt.Ticks)), P.Texts("bodies", bodies.Inline), P.NullableLongs("refs", bodies.Refs));
    }

    /// <summary>Creates a sub-orchestration, unless its id belongs to an unfinished instance: then the parent is told it failed.</summary>
    private async Task CreateChildAsync(NpgsqlConnection c, NewInstance child, CancellationToken ct)
    {
        var existing = (string?)await ScalarAsync(c, PostgresSql.LockInstanceStatus, ct, P.Text("id", child.InstanceId)).ConfigureAwait(false);
        if (existing is not null && !Enum.Parse<OrchestrationRuntimeStatus>(existing).IsTerminal())
        {
            var parent = child.Started.Parent!;
            var failure = new TaskFailureDetails(typeof(InstanceAlreadyExistsException).FullName!,
                new InstanceAlreadyExistsException(child.InstanceId, Enum.Parse<OrchestrationRuntimeStatus>(existing)).Message);
            var failed = new HistoryEvent(EventType.SubOrchestrationInstanceFailed, child.CreatedAt)
            {
                TaskScheduledId = parent.TaskScheduledId, ExecutionId = parent.ExecutionId, Name = child.Name, Failure = failure,
            };
            var body = await BodyAsync(c, parent.InstanceId, failed.Serialize(), ct).ConfigureAwait(false);
            await ExecAsync(c, PostgresSql.InsertMessage, ct, P.Text("id", parent.InstanceId), P.Long("visible", child.CreatedAt.Ticks),
                P.Text("body", body.Inline), P.Long("ref", body.Ref)).ConfigureAwait(false);
            return;
        }
        if (existing is not null) await DeleteInstancesAsync(c, [child.InstanceId], ct).ConfigureAwait(false);
        await InsertInstanceAsync(c, child, ct).ConfigureAwait(false);
    }
}

internal static partial class PostgresSql
{
    /// <summary>The row locks serialize these checkpoints with any other write to their instances (another host's lease, a
    /// purge); the tokens read under them are the lease proofs. Locked in id order, the order every group commit uses.</summary>
    public const string LockForCommit = """
        SELECT instance_id, lock_token, history_length, input_ref, output_ref, custom_status_ref FROM {schema}.instances
        WHERE instance_id = ANY(@ids) ORDER BY instance_id FOR UPDATE
        """;

    public const string DeleteMessages = """
        WITH gone AS (DELETE FROM {schema}.new_events WHERE seq = ANY(@seqs) RETURNING body_ref)
        DELETE FROM {schema}.payloads WHERE id IN (SELECT body_ref FROM gone WHERE body_ref IS NOT NULL)
        """;

    public const string DeleteHistory = """
        WITH gone AS (DELETE FROM {schema}.history WHERE instance_id = @id RETURNING body_ref)
        DELETE FROM {schema}.payloads WHERE id IN (SELECT body_ref FROM gone WHERE body_ref IS NOT NULL)
        """;

    /// <summary>All new events in one statement, from parallel arrays.</summary>
    public const string InsertHistory = """
        INSERT INTO {schema}.history (instance_id, seq, body, body_ref)
        SELECT @id, t.seq, t.body, t.body_ref FROM unnest(@seqs, @bodies, @refs) AS t(seq, body, body_ref)
        """;

    public const string InsertMessages = $$"""
        INSERT INTO {schema}.new_events (instance_id, visible_at, body, body_ref)
        SELECT t.instance_id, t.visible_at, t.body, t.body_ref
        FROM unnest(@instances, @visible, @bodies, @refs) WITH ORDINALITY AS t(instance_id, visible_at, body, body_ref, ord)
        WHERE t.instance_id = @self OR EXISTS (SELECT 1 FROM {schema}.instances x WHERE x.instance_id = t.instance_id AND x.status NOT IN {{Finished}})
        ORDER BY t.ord
        """;

    /// <summary>The checkpoint's row update; also releases the lease unless the host keeps the instance (extended session).</summary>
    public const string UpdateInstance = """
        UPDATE {schema}.instances SET status = @status, execution_id = @exec,
            input = CASE WHEN @replace_input THEN @input ELSE input END,
            input_ref = CASE WHEN @replace_input THEN @input_ref ELSE input_ref END,
            output = @output, output_ref = @output_ref, custom_status = @custom, custom_status_ref = @custom_ref,
            failure = @failure, updated_at = @updated, completed_at = @completed, history_length = @length,
            lock_owner = CASE WHEN @keep THEN lock_owner END,
            lock_token = CASE WHEN @keep THEN lock_token END,
            locked_until = CASE WHEN @keep THEN locked_until ELSE 0 END
        WHERE instance_id = @id
        """;
}
