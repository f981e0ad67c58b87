using System.Collections.Concurrent;
using CampaignFlows.Sandbox.Ses;

namespace CampaignFlows.Sandbox;

/// <summary>One SES account in one region: its settings, limits, reputation and counters.</summary>
public sealed partial class SandboxAccount
{
    private AccountOptions _options;
    private long _throttled;
    private long _quotaRefusals;
    private readonly ConcurrentDictionary<string, long> _events = new(StringComparer.Ordinal);

    internal SandboxAccount(string accessKeyId, string region, AccountOptions options, TimeProvider clock)
    {
        AccessKeyId = accessKeyId;
        Region = region;
        AccountId = options.AccountId ?? DeriveAccountId(accessKeyId);
        _options = options;
        Limiter = new SendLimiter(clock);
        foreach (var ip in options.DedicatedIps) DedicatedIps[ip] = new DedicatedIp(ip, "DONE", 100, DefaultPool);
        if (options.DedicatedIps.Count > 0) Pools[DefaultPool] = new DedicatedIpPool(DefaultPool, "STANDARD");
    }

    /// <summary>The access key id that selects this account.</summary>
    public string AccessKeyId { get; }

    /// <summary>The region from the credential scope.</summary>
    public string Region { get; }

    /// <summary>The 12-digit account id used in queue URLs and ARNs.</summary>
    public string AccountId { get; }

    /// <summary>The current settings; replaced atomically by <see cref="Update"/>.</summary>
    public AccountOptions Options => Volatile.Read(ref _options);

    internal const string DefaultPool = "default";

    internal SendLimiter Limiter { get; }

    internal Reputation Reputation { get; } = new();

    internal ConcurrentDictionary<string, StoredTemplate> Templates { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<string, SuppressedDestination> Suppressed { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal ConcurrentDictionary<string, DedicatedIp> DedicatedIps { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<string, DedicatedIpPool> Pools { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces the settings, e.g. <c>account.Update(o =&gt; o with { SendingPaused = true })</c>.</summary>
    public void Update(Func<AccountOptions, AccountOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        AccountOptions current, next;
        do
        {
            current = Options;
            next = change(current);
            next.Validate($"account {AccessKeyId}/{Region}");
        }
        while (Interlocked.CompareExchange(ref _options, next, current) != current);
    }

    /// <summary>Clears send counters, the histogram, throttle and event counts, and a reputation pause.</summary>
    public void ResetCounters()
    {
        Limiter.Reset();
        Reputation.Reset();
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _quotaRefusals, 0);
        _events.Clear();
    }

    /// <summary>Whether the account may send now, as GetAccount's SendingEnabled reports it.</summary>
    public bool SendingEnabled => !Options.SendingPaused && !Reputation.IsShutdown;

    internal void CountThrottled() => Interlocked.Increment(ref _throttled);

    internal void CountQuotaRefusal() => Interlocked.Increment(ref _quotaRefusals);

    internal void CountEvent(string type) => _events.AddOrUpdate(type, 1, static (_, n) => n + 1);

    private static string DeriveAccountId(string accessKeyId)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        ulong hash = 14695981039346656037;
        foreach (var c in accessKeyId) hash = (hash ^ c) * 1099511628211;
        return (hash % 1_000_000_000_000UL).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
    }
}
