using System.Text.Json;
using CampaignFlows.Durable.Flow;
using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

internal sealed partial class PostgresDurableStore
{
    public Task SetFlowLimitAsync(string key, FlowLimit limit, DateTime now, CancellationToken cancellation) =>
        RunAsync(nameof(SetFlowLimitAsync), (c, ct) => ExecAsync(c, PostgresSql.UpsertFlowLimit, ct, P.Text("key", key),
            P.Text("definition", JsonSerializer.Serialize(limit, DurableJson.Options))), cancellation);

    public Task<FlowLimitState?> GetFlowLimitAsync(string key, DateTime now, CancellationToken cancellation) =>
        RunAsync(nameof(GetFlowLimitAsync), async (c, ct) =>
        {
            var keys = await LoadFlowKeysAsync(c, PostgresSql.SelectFlowLimits, [key], now, ct).ConfigureAwait(false);
            return keys.TryGetValue(key, out var k) ? FlowGate.Describe(key, k.Limit, k.State, GateTime(keys, now)) : null;
        }, cancellation);

    /// <summary>Row-locks the keys that exist (in key order) for the rest of the transaction, and loads them.</summary>
    private Task<Dictionary<string, (FlowLimit Limit, FlowKeyState State)>> LockFlowKeysAsync(NpgsqlConnection c, IReadOnlyList<string> keys, DateTime now,
        CancellationToken ct) => LoadFlowKeysAsync(c, PostgresSql.LockFlowLimits, keys, now, ct);

    /// <summary>Definitions and states of the keys that exist, with their running counts taken from live leases.</summary>
    private async Task<Dictionary<string, (FlowLimit Limit, FlowKeyState State)>> LoadFlowKeysAsync(NpgsqlConnection c, string sql, IReadOnlyList<string> keys,
        DateTime now, CancellationToken ct)
    {
        var loaded = new Dictionary<string, (FlowLimit Limit, FlowKeyState State)>(StringComparer.Ordinal);
        if (keys.Count == 0) return loaded;
        foreach (var (key, definition, state) in await QueryAsync(c, sql, r => (r.GetString(0), r.GetString(1), Text(r, 2)), ct, P.Texts("keys", keys))
                     .ConfigureAwait(false))
        {
            var limit = JsonSerializer.Deserialize<FlowLimit>(definition, DurableJson.Options)!;
            loaded[key] = (limit, FlowKeyState.Deserialize(state, limit, now));
        }
        var capped = loaded.Where(k => k.Value.Limit.MaxConcurrency is not null).Select(k => k.Key).ToList();
        if (capped.Count == 0) return loaded;
        foreach (var (key, running) in await QueryAsync(c, PostgresSql.CountRunningUnderKeys, r => (r.GetString(0), r.GetInt32(1)), ct,
                     P.Texts("keys", capped), P.Long("now", now.Ticks)).ConfigureAwait(false))
        {
            loaded[key].State.Running = running;
        }
        return loaded;
    }

    private async Task SaveFlowKeysAsync(NpgsqlConnection c, Dictionary<string, (FlowLimit Limit, FlowKeyState State)> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return;
        await ExecAsync(c, PostgresSql.UpdateFlowStates, ct, P.Texts("keys", keys.Keys), P.Texts("states", keys.Values.Select(k => k.State.Serialize())))
            .ConfigureAwait(false);
    }

    /// <summary>Halves the rate of every key after a downstream throttle and gives quotas back the call's cost, under the keys' row locks.</summary>
    private async Task ThrottleAsync(NpgsqlConnection c, IReadOnlyDictionary<string, double> costs, DateTime at, CancellationToken ct)
    {
        var loaded = await LockFlowKeysAsync(c, [.. costs.Keys], at, ct).ConfigureAwait(false);
        var time = GateTime(loaded, at);
        foreach (var (key, (limit, state)) in loaded) FlowGate.Throttle(limit, state, time, costs.GetValueOrDefault(key));
        await SaveFlowKeysAsync(c, loaded, ct).ConfigureAwait(false);
    }
}

internal static partial class PostgresSql
{
    /// <summary>Changing a definition keeps the bucket's state, so a rate change takes effect without a free burst.</summary>
    public const string UpsertFlowLimit = """
        INSERT INTO {schema}.flow_limits (key, definition) VALUES (@key, @definition)
        ON CONFLICT (key) DO UPDATE SET definition = excluded.definition
        """;

    public const string SelectFlowLimits = "SELECT key, definition, state FROM {schema}.flow_limits WHERE key = ANY(@keys)";

    /// <summary>Key order is the lock order of every host, so two hosts leasing under the same keys queue, never deadlock.</summary>
    public const string LockFlowLimits = "SELECT key, definition, state FROM {schema}.flow_limits WHERE key = ANY(@keys) ORDER BY key FOR UPDATE";

    public const string UpdateFlowStates = """
        UPDATE {schema}.flow_limits f SET state = s.state FROM unnest(@keys, @states) AS s(key, state) WHERE f.key = s.key
        """;

    /// <summary>Running = leased and not expired; counted from the leases themselves so a crashed host's count heals
    /// when its leases expire. The partial index on locked_until keeps this to leased rows that carry keys.</summary>
    public const string CountRunningUnderKeys = """
        SELECT k.key, count(*)::int FROM {schema}.activities a CROSS JOIN LATERAL unnest(a.limit_keys) AS k(key)
        WHERE a.limit_keys IS NOT NULL AND a.locked_until > @now AND k.key = ANY(@keys)
        GROUP BY k.key
        """;
}
