using System.Text.Json;
using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

internal sealed partial class PostgresDurableStore
{
    /// <summary>Adds the activities' insert to a checkpoint batch.</summary>
    private async Task AddActivitiesAsync(NpgsqlConnection c, NpgsqlBatch batch, IReadOnlyList<NewActivity> activities, CancellationToken ct)
    {
        var inputs = await BodiesAsync(c, activities.Select(a => (a.InstanceId, a.Input)).ToList(), ct).ConfigureAwait(false);
        Add(batch, PostgresSql.InsertActivities, P.Texts("instances", activities.Select(a => a.InstanceId)), P.Texts("execs", activities.Select(a => a.ExecutionId)),
            P.Ints("tasks", activities.Select(a => a.TaskId)), P.Texts("names", activities.Select(a => a.Name)), P.Texts("inputs", inputs.Inline),
            P.NullableLongs("input_refs", inputs.Refs), P.Ints("attempts", activities.Select(a => a.Attempt)), P.Ints("priorities", activities.Select(a => a.Priority)),
            P.Texts("fkeys", activities.Select(a => a.FairnessKey)), P.Ints("fweights", activities.Select(a => a.FairnessWeight)),
            P.Texts("limits", activities.Select(a => StoredRateLimits.Serialize(a.RateLimits))), P.Longs("visible", activities.Select(a => a.VisibleAt.Ticks)),
            P.Texts("traces", activities.Select(a => a.TraceParent)));
    }

    public Task<IReadOnlyList<ActivityCandidate>> GetActivityCandidatesAsync(int maxPerKey, int max, DateTime now, CancellationToken cancellation) =>
        RunAsync<IReadOnlyList<ActivityCandidate>>(nameof(GetActivityCandidatesAsync), async (c, ct) => await QueryAsync(c, PostgresSql.SelectCandidates,
            r => new ActivityCandidate(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), StoredRateLimits.Read(Text(r, 4))), ct,
            P.Long("now", now.Ticks), P.Int("per_key", maxPerKey), P.Int("limit", max)).ConfigureAwait(false), cancellation);

    /// <summary>Reads the columns of <see cref="PostgresSql.ActivityColumns"/>, then the lease token.</summary>
    private static ActivityWorkItem ReadActivity(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(12), new NewActivity(r.GetString(1), r.GetString(2),
        r.GetInt32(3), r.GetString(4), Text(r, 5), r.GetInt32(6), r.GetInt32(7), r.GetString(8), r.GetInt32(9), StoredRateLimits.Read(Text(r, 10)), Time(r.GetInt64(11)), Text(r, 13)));

    /// <summary>Results whose lease still holds are applied in one statement; large results need their payload rows first,
    /// so those go in a transaction that also drops the payloads of results it discarded.</summary>
    public Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, CancellationToken cancellation)
    {
        if (results.Count == 0) return Task.FromResult<IReadOnlyList<bool>>([]);
        var bodies = results.Select(r => (r.Completion.InstanceId, (string?)r.Completion.Event.Serialize())).ToList();
        Func<NpgsqlConnection, CancellationToken, Task<IReadOnlyList<bool>>> work = async (c, ct) =>
        {
            var (inline, refs) = await BodiesAsync(c, bodies, ct).ConfigureAwait(false);
            var applied = (await QueryAsync(c, PostgresSql.CompleteActivities, r => (r.GetInt64(0), r.GetString(1)), ct, P.Longs("ids", results.Select(r => r.Id)),
                P.Texts("tokens", results.Select(r => r.LockToken)), P.Texts("instances", results.Select(r => r.Completion.InstanceId)),
                P.Longs("visible", results.Select(r => r.Completion.VisibleAt.Ticks)), P.Texts("bodies", inline), P.NullableLongs("refs", refs))
                .ConfigureAwait(false)).ToHashSet();
            var orphans = results.Select((r, i) => applied.Contains((r.Id, r.LockToken)) ? null : refs[i]).OfType<long>().ToList();
            if (orphans.Count > 0) await ExecAsync(c, PostgresSql.DeletePayloads, ct, P.Longs("ids", orphans)).ConfigureAwait(false);
            return results.Select(r => applied.Contains((r.Id, r.LockToken))).ToList();
        };
        return bodies.All(b => IsInline(b.Item2))
            ? RunAsync(nameof(CompleteActivitiesAsync), work, cancellation)
            : InTransactionAsync(nameof(CompleteActivitiesAsync), work, cancellation);
    }

    public Task<bool> RenewActivityLeaseAsync(long activityId, string lockToken, DateTime leaseUntil, CancellationToken cancellation) =>
        RunLeaseAsync(nameof(RenewActivityLeaseAsync), async (c, ct) => await ExecAsync(c, PostgresSql.RenewActivity, ct, P.Long("id", activityId),
            P.Text("token", lockToken), P.Long("until", leaseUntil.Ticks)).ConfigureAwait(false) == 1, cancellation);

    public Task<bool> RequeueActivityAsync(ActivityRequeue requeue, CancellationToken cancellation) =>
        InTransactionAsync(nameof(RequeueActivityAsync), async (c, ct) =>
        {
            var limits = await QueryAsync(c, PostgresSql.RequeueActivity, r => Text(r, 0), ct, P.Long("id", requeue.Id), P.Text("token", requeue.LockToken),
                P.Long("visible", requeue.VisibleAt.Ticks)).ConfigureAwait(false);
            if (limits.Count == 0) return false;
            if (requeue.ThrottledAt is { } at)
                await ThrottleAsync(c, StoredRateLimits.CostsByKey(limits[0]), at, ct).ConfigureAwait(false);
            return true;
        }, cancellation);
}
