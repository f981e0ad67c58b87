namespace CampaignFlows.Data.State;

/// <summary>Per-account circuit state shared by all hosts.</summary>
public interface IAccountCircuits
{
    /// <summary>Sets (or replaces) an account's state.</summary>
    Task SetAsync(AccountCircuit circuit, CancellationToken cancellationToken = default);

    /// <summary>An account's state, or null when never set (treat as closed).</summary>
    Task<AccountCircuit?> GetAsync(string account, CancellationToken cancellationToken = default);

    /// <summary>Every account's state, by name.</summary>
    Task<IReadOnlyList<AccountCircuit>> ListAsync(CancellationToken cancellationToken = default);
}
