using System.Text.Json;
using CampaignFlows.Durable.Flow;
using Microsoft.Data.Sqlite;

namespace CampaignFlows.Durable.Stores.Sqlite;

internal sealed partial class SqliteDurableStore
{
    private void InsertActivity(NewActivity a)
    {
        var input = Body(a.InstanceId, a.Input);
        Exec(SqliteSql.InsertActivity, ("$instance", a.InstanceId), ("$exec", a.ExecutionId), ("$task", a.TaskId), ("$name", a.Name),
            ("$input", input.Inline), ("$input_ref", input.Ref), ("$attempt", a.Attempt), ("$priority", a.Priority),
            ("$fkey", a.FairnessKey), ("$fweight", a.FairnessWeight), ("$limits", StoredRateLimits.Serialize(a.RateLimits)), ("$visible", a.VisibleAt.Ticks),
            ("$trace", a.TraceParent));
    }

    public Task<IReadOnlyList<ActivityCandidate>> GetActivityCandidatesAsync(int maxPerKey, int max, DateTime now, CancellationToken cancellation) =>
        RunAsync<IReadOnlyList<ActivityCandidate>>(() =>
        {
            var keys = Query(SqliteSql.SelectWaitingKeys, r => (Priority: r.GetInt32(0), Key: r.GetString(1)));
            var perKey = Math.Max(1, Math.Min(maxPerKey, max / Math.Max(1, keys.Count)));
            var candidates = new List<ActivityCandidate>();
            foreach (var (priority, key) in keys)
            {
                candidates.AddRange(Query(SqliteSql.SelectReadyOfKey,
                    r => new ActivityCandidate(r.GetInt64(0), priority, key, r.GetInt32(1), StoredRateLimits.Read(Text(r, 2))),
                    ("$priority", priority), ("$key", key), ("$now", now.Ticks), ("$limit", perKey)));
            }
            return candidates;
        }, cancellation);

    public Task<IReadOnlyList<ActivityWorkItem>> LeaseActivitiesAsync(ActivityLeaseRequest request, CancellationToken cancellation) =>
        InTransactionAsync<IReadOnlyList<ActivityWorkItem>>(() =>
        {
            var keys = LoadFlowKeys(request.Candidates.SelectMany(c => c.RateLimits).Select(l => l.Key).Distinct(), request.Now);
            var admitted = FlowGate.Admit(request.Candidates, keys, request.Now, request.MaxItems);
            SaveFlowKeys(keys);
            if (admitted.Count == 0) return [];
            var token = Guid.NewGuid().ToString("N");
            var ids = JsonSerializer.Serialize(admitted.Select(i => request.Candidates[i].Id));
            return Query(SqliteSql.LeaseActivities, r => ReadActivity(r, token), ("$ids", ids), ("$owner", request.Owner),
                ("$token", token), ("$until", request.LeaseUntil.Ticks), ("$now", request.Now.Ticks));
        }, cancellation);

    private ActivityWorkItem ReadActivity(SqliteDataReader r, string token) => new(r.GetInt64(0), token, new NewActivity(r.GetString(1), r.GetString(2),
        r.GetInt32(3), r.GetString(4), ReadBody(Text(r, 5), Long(r, 6)), r.GetInt32(7), r.GetInt32(8), r.GetString(9), r.GetInt32(10),
        StoredRateLimits.Read(Text(r, 11)), Time(r.GetInt64(12)), Text(r, 13)));

    public Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, CancellationToken cancellation) =>
        InTransactionAsync<IReadOnlyList<bool>>(() =>
        {
            var applied = new bool[results.Count];
            var running = new Dictionary<string, bool>(StringComparer.Ordinal);
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i];
                var inputRef = Query(SqliteSql.DeleteLeasedActivity, r => Long(r, 0), ("$id", result.Id), ("$token", result.LockToken));
                if (inputRef.Count == 0) continue;
                DeletePayload(inputRef[0]);
                var instance = result.Completion.InstanceId;
                if (!running.TryGetValue(instance, out var alive))
                {
                    var status = (string?)Scalar(SqliteSql.SelectInstanceStatus, ("$id", instance));
                    running[instance] = alive = status is not null && !Enum.Parse<OrchestrationRuntimeStatus>(status).IsTerminal();
                }
                if (alive) InsertMessage(result.Completion);
                applied[i] = true;
            }
            return applied;
        }, cancellation);

    public Task<bool> RenewActivityLeaseAsync(long activityId, string lockToken, DateTime leaseUntil, CancellationToken cancellation) =>
        InTransactionAsync(() => Exec(SqliteSql.RenewActivity, ("$id", activityId), ("$token", lockToken), ("$until", leaseUntil.Ticks)) == 1, cancellation);

    public Task<bool> RequeueActivityAsync(ActivityRequeue requeue, CancellationToken cancellation) => InTransactionAsync(() =>
    {
        var limits = Query(SqliteSql.RequeueActivity, r => Text(r, 0), ("$id", requeue.Id), ("$token", requeue.LockToken),
            ("$visible", requeue.VisibleAt.Ticks));
        if (limits.Count == 0) return false;
        if (requeue.ThrottledAt is { } at)
        {
            var costs = StoredRateLimits.CostsByKey(limits[0]);
            var keys = LoadFlowKeys(costs.Keys, at);
            foreach (var (key, (limit, state)) in keys) FlowGate.Throttle(limit, state, at, costs.GetValueOrDefault(key));
            SaveFlowKeys(keys);
        }
        return true;
    }, cancellation);
}

internal static partial class SqliteSql
{
    public const string InsertActivity = """
        INSERT INTO activities (instance_id, execution_id, task_id, name, input, input_ref, attempt, priority, fairness_key,
                                fairness_weight, rate_limits, visible_at, trace_parent)
        VALUES ($instance, $exec, $task, $name, $input, $input_ref, $attempt, $priority, $fkey, $fweight, $limits, $visible, $trace)
        """;

    /// <summary>Every (priority, fairness key) with queued activities: each waiting key must be visible to the dispatcher's
    /// weighted round-robin, even behind a large backlog of another key. A covering scan of the fairness index.</summary>
    public const string SelectWaitingKeys = "SELECT DISTINCT priority, fairness_key FROM activities ORDER BY priority DESC, fairness_key";

    /// <summary>The oldest ready activities of one key, in id order along the fairness index.</summary>
    public const string SelectReadyOfKey = """
        SELECT id, fairness_weight, rate_limits FROM activities
        WHERE priority = $priority AND fairness_key = $key AND locked_until <= $now AND visible_at <= $now
        ORDER BY id LIMIT $limit
        """;

    /// <summary>Leases the admitted candidates that are still free in one statement (ids as a JSON array), returning the
    /// full rows. One token serves the batch: completions check it together with the activity id.</summary>
    public const string LeaseActivities = """
        UPDATE activities SET lock_owner = $owner, lock_token = $token, locked_until = $until
        WHERE id IN (SELECT value FROM json_each($ids)) AND locked_until <= $now
        RETURNING id, instance_id, execution_id, task_id, name, input, input_ref, attempt, priority, fairness_key, fairness_weight,
                  rate_limits, visible_at, trace_parent
        """;

    /// <summary>A completion counts only while its lease token still matches: a worker that lost its lease deletes nothing
    /// and so its result is discarded.</summary>
    public const string DeleteLeasedActivity = "DELETE FROM activities WHERE id = $id AND lock_token = $token RETURNING input_ref";

    public const string RenewActivity = "UPDATE activities SET locked_until = $until WHERE id = $id AND lock_token = $token";

    public const string RequeueActivity = """
        UPDATE activities SET lock_owner = NULL, lock_token = NULL, locked_until = 0, visible_at = $visible
        WHERE id = $id AND lock_token = $token RETURNING rate_limits
        """;
}
