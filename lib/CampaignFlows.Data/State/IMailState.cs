namespace CampaignFlows.Data.State;

/// <summary>The per-template kill switch, changeable while campaigns run.</summary>
public interface ITemplateBlocklist
{
    /// <summary>Blocks a template (again: refreshes the reason).</summary>
    Task BlockAsync(string template, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Unblocks a template; false when it was not blocked.</summary>
    Task<bool> UnblockAsync(string template, CancellationToken cancellationToken = default);

    /// <summary>The block on a template, or null when it may be sent.</summary>
    Task<BlockedTemplate?> FindAsync(string template, CancellationToken cancellationToken = default);

    /// <summary>Every blocked template, by name.</summary>
    Task<IReadOnlyList<BlockedTemplate>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>Addresses allowed to receive verified-only templates.</summary>
public interface IVerifiedAddresses
{
    /// <summary>Marks normalised addresses verified.</summary>
    Task AddAsync(IReadOnlyCollection<string> addresses, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Removes an address; false when it was not verified.</summary>
    Task<bool> RemoveAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="addresses"/> are verified.</summary>
    Task<IReadOnlySet<string>> FindVerifiedAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default);
}

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

/// <summary>What went to the dead-letter queue and why, queryable after the fact.</summary>
public interface IDeadLetterLog
{
    /// <summary>Appends entries in one transaction.</summary>
    Task AddAsync(IReadOnlyList<DeadLetterEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> entries of a campaign (null: transactional mail) in the order they were added.</summary>
    Task<IReadOnlyList<DeadLetterEntry>> ListAsync(string? campaignId, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many entries a campaign (null: transactional mail) has.</summary>
    Task<long> CountAsync(string? campaignId, CancellationToken cancellationToken = default);
}

/// <summary>Campaign definitions as submitted.</summary>
public interface ICampaignDefinitions
{
    /// <summary>Saves a definition unless the id exists; returns the stored one and whether this call created it.</summary>
    Task<(CampaignDefinition Definition, bool Created)> SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>A definition by id, or null.</summary>
    Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> definitions, newest first.</summary>
    Task<IReadOnlyList<CampaignDefinition>> ListAsync(int limit, CancellationToken cancellationToken = default);
}

/// <summary>The day-by-day record of each warm-up's gate decisions.</summary>
public interface IWarmupDayLog
{
    /// <summary>Records a day; recording the same day again replaces it (an orchestration replaying its activity).</summary>
    Task RecordAsync(WarmupDay day, CancellationToken cancellationToken = default);

    /// <summary>A warm-up's days in order.</summary>
    Task<IReadOnlyList<WarmupDay>> ListAsync(string warmupId, CancellationToken cancellationToken = default);
}
