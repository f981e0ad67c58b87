using System.Text.Json;
using CampaignFlows.Durable.Flow;

namespace CampaignFlows.Durable.Stores.Sqlite;

internal sealed partial class SqliteDurableStore
{
    public Task SetFlowLimitAsync(string key, FlowLimit limit, DateTime now, CancellationToken cancellation) => InTransactionAsync(() =>
        Exec(SqliteSql.UpsertFlowLimit, ("$key", key), ("$definition", JsonSerializer.Serialize(limit, DurableJson.Options))), cancellation);

    public Task<FlowLimitState?> GetFlowLimitAsync(string key, DateTime now, CancellationToken cancellation) => RunAsync(() =>
        LoadFlowKeys([key], now).TryGetValue(key, out var k) ? FlowGate.Describe(key, k.Limit, k.State, now) : null, cancellation);

    /// <summary>Definitions and states of the keys that exist, with their running counts taken from live leases.</summary>
    private Dictionary<string, (FlowLimit Limit, FlowKeyState State)> LoadFlowKeys(IEnumerable<string> keys, DateTime now)
    {
        var loaded = new Dictionary<string, (FlowLimit, FlowKeyState)>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var row = Query(SqliteSql.SelectFlowLimit, r => (Definition: r.GetString(0), State: Text(r, 1)), ("$key", key));
            if (row.Count == 0) continue;
            var limit = JsonSerializer.Deserialize<FlowLimit>(row[0].Definition, DurableJson.Options)!;
            var state = FlowKeyState.Deserialize(row[0].State, limit, now);
            if (limit.MaxConcurrency is not null)
                state.Running = Convert.ToInt32(Scalar(SqliteSql.CountRunningUnderKey, ("$key", key), ("$now", now.Ticks)), System.Globalization.CultureInfo.InvariantCulture);
            loaded[key] = (limit, state);
        }
        return loaded;
    }

    private void SaveFlowKeys(Dictionary<string, (FlowLimit Limit, FlowKeyState State)> keys)
    {
        foreach (var (key, (_, state)) in keys) Exec(SqliteSql.UpdateFlowState, ("$key", key), ("$state", state.Serialize()));
    }
}

internal static partial class SqliteSql
{
    /// <summary>Changing a definition keeps the bucket's state, so a rate change takes effect without a free burst.</summary>
    public const string UpsertFlowLimit = """
        INSERT INTO flow_limits (key, definition) VALUES ($key, $definition)
        ON CONFLICT (key) DO UPDATE SET definition = excluded.definition
        """;

    public const string SelectFlowLimit = "SELECT definition, state FROM flow_limits WHERE key = $key";

    public const string UpdateFlowState = "UPDATE flow_limits SET state = $state WHERE key = $key";

    /// <summary>Running = leased and not expired; counted from the leases themselves so a crashed host's count heals
    /// when its leases expire. The partial index on locked_until keeps this to the leased rows with limits.</summary>
    public const string CountRunningUnderKey = """
        SELECT COUNT(*) FROM activities a, json_each(a.rate_limits) j
        WHERE a.rate_limits IS NOT NULL AND a.locked_until > $now AND json_extract(j.value, '$.key') = $key
        """;
}
