using CampaignFlows.Durable.Flow;

namespace CampaignFlows.Durable.Stores.Postgres;

internal sealed partial class PostgresDurableStore
{
    /// <summary>
    /// Without rate limits a lease is one statement (lease bookkeeping, see <see cref="RunLeaseAsync{T}"/>). With them,
    /// one synchronously committed transaction, since tokens it spent must not come back after a server crash: lock the
    /// free candidates (SKIP LOCKED), lock their keys' rows in key order (so hosts queue on a key instead of
    /// deadlocking), let <see cref="FlowGate"/> admit and spend, then lease the admitted rows and save the keys' state.
    /// </summary>
    public Task<IReadOnlyList<ActivityWorkItem>> LeaseActivitiesAsync(ActivityLeaseRequest request, CancellationToken cancellation)
    {
        if (request.Candidates.Count == 0 || request.MaxItems <= 0) return Task.FromResult<IReadOnlyList<ActivityWorkItem>>([]);
        if (request.Candidates.All(c => c.RateLimits.Count == 0))
        {
            return RunLeaseAsync(nameof(LeaseActivitiesAsync), (c, ct) => LeaseAsync(c, request, request.Candidates.Select(x => x.Id).ToList(), ct), cancellation);
        }
        return InTransactionAsync(nameof(LeaseActivitiesAsync), async (c, ct) =>
        {
            var free = (await QueryAsync(c, PostgresSql.LockFreeActivities, r => r.GetInt64(0), ct, P.Longs("ids", request.Candidates.Select(x => x.Id)),
                P.Long("now", request.Now.Ticks)).ConfigureAwait(false)).ToHashSet();
            var candidates = request.Candidates.Where(x => free.Contains(x.Id)).ToList();
            if (candidates.Count == 0) return (IReadOnlyList<ActivityWorkItem>)[];
            var keys = await LockFlowKeysAsync(c, candidates.SelectMany(x => x.RateLimits).Select(l => l.Key).Distinct().ToList(), request.Now, ct)
                .ConfigureAwait(false);
            var admitted = FlowGate.Admit(candidates, keys, GateTime(keys, request.Now), request.MaxItems);
            if (admitted.Count == 0) return [];
            await SaveFlowKeysAsync(c, keys, ct).ConfigureAwait(false);
            return await LeaseAsync(c, request, admitted.Select(i => candidates[i].Id).ToList(), ct).ConfigureAwait(false);
        }, cancellation);
    }

    private async Task<IReadOnlyList<ActivityWorkItem>> LeaseAsync(Npgsql.NpgsqlConnection c, ActivityLeaseRequest request, List<long> ids, CancellationToken ct)
    {
        var leased = await QueryAsync(c, PostgresSql.LeaseActivities, ReadActivity, ct, P.Longs("ids", ids), P.Long("now", request.Now.Ticks),
            P.Int("max", request.MaxItems), P.Text("owner", request.Owner), P.Long("until", request.LeaseUntil.Ticks)).ConfigureAwait(false);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return leased.OrderBy(a => order[a.Id]).ToList();
    }

    /// <summary>
    /// The time the shared buckets are brought up to. Hosts compute "now" before they queue on a key's row lock, so a
    /// host may arrive with a time older than the last refill another host saved; refilling from the later time keeps
    /// a bucket's clock from running backwards, which would credit the same interval twice.
    /// </summary>
    private static DateTime GateTime(Dictionary<string, (FlowLimit Limit, FlowKeyState State)> keys, DateTime now) =>
        keys.Values.Select(k => k.State.RefilledAt).Append(now).Max();
}
