using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.State;

/// <summary>Account circuit state on either provider.</summary>
internal sealed class AccountCircuits(CampaignDatabase database) : IAccountCircuits
{
    public Task SetAsync(AccountCircuit circuit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        StateGuard.Required(circuit.Account, nameof(circuit.Account));
        StateGuard.Required(circuit.State, nameof(circuit.State));
        var args = new { circuit.Account, circuit.State, circuit.Reason, until = circuit.Until is { } u ? UnixTime.Ms(u) : (long?)null, updatedAt = UnixTime.Ms(circuit.UpdatedAt) };
        return database.WriteAsync((c, t) => c.ExecuteAsync(StateQueries.SetCircuit, args, t), cancellationToken);
    }

    public async Task<AccountCircuit?> GetAsync(string account, CancellationToken cancellationToken = default)
    {
        StateGuard.Required(account, nameof(account));
        var row = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<Row>(StateQueries.CircuitColumns + " WHERE account = @account", new { account }), cancellationToken).ConfigureAwait(false);
        return row?.ToCircuit();
    }

    public async Task<IReadOnlyList<AccountCircuit>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(c => c.QueryAsync<Row>(StateQueries.CircuitColumns + " ORDER BY account"), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToCircuit()).ToList();
    }

    private sealed class Row
    {
        public string Account { get; init; } = "";
        public string State { get; init; } = "";
        public string? Reason { get; init; }
        public long? Until { get; init; }
        public long UpdatedAt { get; init; }

        public AccountCircuit ToCircuit() => new(Account, State, Reason, UnixTime.From(Until), UnixTime.From(UpdatedAt));
    }
}
