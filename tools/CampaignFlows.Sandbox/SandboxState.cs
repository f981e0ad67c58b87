using System.Collections.Concurrent;
using CampaignFlows.Sandbox.Events;
using CampaignFlows.Sandbox.Ses;
using CampaignFlows.Sandbox.Sqs;

namespace CampaignFlows.Sandbox;

/// <summary>Everything the sandbox holds: accounts, queues and the sent-message log, for in-process inspection.</summary>
public sealed class SandboxState
{
    private readonly ConcurrentDictionary<(string Key, string Region), SandboxAccount> _accounts = new();
    private readonly MessageLog _log;

    internal SandboxState(SandboxOptions options)
    {
        Options = options;
        Clock = options.TimeProvider;
        _log = new MessageLog(options.MessageLogCapacity);
        Queues = new QueueRegistry(Clock);
        Simulator = new MailboxSimulator(options.Seed, options.Domains);
        Events = new EventPublisher(this, options.EventDelayMilliseconds);
        foreach (var region in options.Regions)
            foreach (var key in options.Accounts.Keys)
                GetAccount(key, region);
    }

    internal SandboxOptions Options { get; }

    internal TimeProvider Clock { get; }

    internal QueueRegistry Queues { get; }

    internal MailboxSimulator Simulator { get; }

    internal EventPublisher Events { get; }

    /// <summary>Every account used so far, in every region.</summary>
    public IReadOnlyList<SandboxAccount> Accounts => [.. _accounts.Values.OrderBy(a => a.AccessKeyId, StringComparer.Ordinal).ThenBy(a => a.Region, StringComparer.Ordinal)];

    /// <summary>The account of an access key in a region, created (with its event queue) on first use.</summary>
    public SandboxAccount GetAccount(string accessKeyId, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (_accounts.TryGetValue((accessKeyId, region), out var found)) return found;
        var options = Options.Accounts.TryGetValue(accessKeyId, out var configured) ? configured : Options.DefaultAccount;
        var account = _accounts.GetOrAdd((accessKeyId, region), static (k, s) => new SandboxAccount(k.Key, k.Region, s.options, s.clock), (options, clock: Clock));
        if (options.EventQueueName.Length > 0) Queues.GetOrCreate(region, account.AccountId, options.EventQueueName, null);
        return account;
    }

    /// <summary>The sent-message log, oldest first (bounded by <see cref="SandboxOptions.MessageLogCapacity"/>).</summary>
    public IReadOnlyList<SentMessage> SentMessages() => _log.Snapshot();

    /// <summary>Statistics of every account.</summary>
    public IReadOnlyList<AccountStatistics> Statistics() => [.. Accounts.Select(a => a.GetStatistics())];

    /// <summary>Clears the message log and every account's counters (settings and queues stay).</summary>
    public void ResetCounters()
    {
        _log.Clear();
        foreach (var account in _accounts.Values) account.ResetCounters();
    }

    internal bool KeepsLog => Options.MessageLogCapacity > 0;

    internal void Log(in LoggedMessage message) => _log.Add(message);
}
