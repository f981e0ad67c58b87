namespace CampaignFlows.Domain;

/// <summary>Chooses which configured account sends a stream, failing over in the configured order.</summary>
/// <remarks>
/// Among the accounts carrying the stream, in failover order (then name), the first whose breaker allows a
/// send is chosen; a half-open account is chosen for its probe ahead of a lower-order closed one, so traffic
/// returns to the primary as soon as it recovers. When none allows a send the answer is "none" with a reason
/// listing each account's state, for the dead-letter queue.
/// </remarks>
public sealed class FailoverPolicy
{
    private readonly SesAccount[] _accounts;

    /// <summary>Creates the policy over the configured accounts.</summary>
    /// <param name="accounts">At least one; names unique (case-insensitive); each with a name, region and streams.</param>
    /// <exception cref="DomainValidationException">An empty list, a duplicate name or an incomplete account.</exception>
    public FailoverPolicy(IReadOnlyList<SesAccount> accounts)
    {
        var guard = new Guard().Check(accounts.Count > 0, "accounts", "must list at least one SES account.");
        foreach (var (account, i) in accounts.Select((a, i) => (a, i)))
        {
            guard.Check(!string.IsNullOrWhiteSpace(account.Name), $"accounts[{i}].name", "is required.")
                .Check(!string.IsNullOrWhiteSpace(account.Region), $"accounts[{i}].region", "is required.")
                .Check(account.Streams.Count > 0 && account.Streams.All(s => !string.IsNullOrWhiteSpace(s)), $"accounts[{i}].streams", "must list at least one stream, none blank.");
        }

        var duplicates = accounts.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        guard.Check(duplicates.Length == 0, "accounts", $"names must be unique (repeated: {string.Join(", ", duplicates)}).").ThrowIfAny();
        _accounts = accounts.OrderBy(a => a.FailoverOrder).ThenBy(a => a.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The accounts carrying a stream, in failover order.</summary>
    /// <param name="stream">The stream's name.</param>
    public IReadOnlyList<SesAccount> For(string stream) => _accounts.Where(a => a.Carries(stream)).ToArray();

    /// <summary>Chooses the account for a stream now.</summary>
    /// <param name="stream">The stream's name.</param>
    /// <param name="breakers">Breakers by account name; an account without an entry is closed.</param>
    /// <param name="now">The current time.</param>
    /// <param name="options">Breaker cool-downs; <see cref="BreakerOptions.Default"/> when null.</param>
    public AccountChoice Choose(string stream, IReadOnlyDictionary<string, CircuitBreaker> breakers, DateTimeOffset now, BreakerOptions? options = null)
    {
        var candidates = For(stream);
        if (candidates.Count == 0)
        {
            return new AccountChoice(null, false, $"No account is configured for stream '{stream}'.");
        }

        foreach (var account in candidates)
        {
            var breaker = breakers.GetValueOrDefault(account.Name) ?? CircuitBreaker.Closed;
            if (breaker.Allows(now, options))
            {
                return new AccountChoice(account, breaker.StateAt(now) == BreakerState.HalfOpen, null);
            }
        }

        var states = candidates.Select(a => Describe(a, breakers.GetValueOrDefault(a.Name) ?? CircuitBreaker.Closed, now));
        return new AccountChoice(null, false, $"No account can send stream '{stream}': {string.Join("; ", states)}.");
    }

    private static string Describe(SesAccount account, CircuitBreaker breaker, DateTimeOffset now) =>
        breaker.StateAt(now) == BreakerState.HalfOpen
            ? $"{account.Name} ({account.Region}) is being probed after {breaker.Reason}"
            : $"{account.Name} ({account.Region}) is open until {breaker.RetryAt:u} after {breaker.Reason}";
}
