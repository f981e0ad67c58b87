using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CampaignFlows.Campaigns;

/// <summary>
/// Asks <see cref="AccountLimitsRefresher"/> to read an account's SendQuota now rather than at its next round: a
/// throttle may mean SES lowered the account's rate, and the sooner the engine knows, the sooner batches fit again.
/// </summary>
/// <remarks>An account is asked for at most once per <see cref="MinimumInterval"/>, so a throttle storm costs one call.</remarks>
public sealed class AccountLimitsNudge(TimeProvider time)
{
    /// <summary>The least time between two early reads of one account.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(30);

    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentQueue<string> _unreadAtStart = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Asks for an early read of <paramref name="account"/>'s limits; true when the request was queued.</summary>
    public bool Request(string account)
    {
        var now = time.GetUtcNow();
        var previous = _last.GetOrAdd(account, DateTimeOffset.MinValue);
        if (now - previous < MinimumInterval || !_last.TryUpdate(account, now, previous)) return false;
        return _requests.Writer.TryWrite(account);
    }

    /// <summary>The queued requests, read by the refresher.</summary>
    internal ChannelReader<string> Requests => _requests.Reader;

    /// <summary>Notes an account whose SendQuota could not be read at start, for the refresher's first round.</summary>
    internal void UnreadAtStart(string account) => _unreadAtStart.Enqueue(account);

    /// <summary>The accounts start-up could not read, each once.</summary>
    internal IReadOnlyList<string> TakeUnreadAtStart()
    {
        var names = new List<string>();
        while (_unreadAtStart.TryDequeue(out var name)) names.Add(name);
        return names;
    }
}
