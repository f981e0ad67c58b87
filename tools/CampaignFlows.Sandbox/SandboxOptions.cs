namespace CampaignFlows.Sandbox;

/// <summary>Configuration of a sandbox; bindable from a JSON file (<c>--config</c>) and command-line flags.</summary>
public sealed class SandboxOptions
{
    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:4566</c>; a free loopback port when not set.</summary>
    public string? Urls { get; set; }

    /// <summary>The clock behind send rates, quotas, suppression dates and event timestamps.</summary>
    /// <remarks>
    /// Tests and fake-clock warm-ups move it to skip days. SQS visibility, long polls and the event delay
    /// always run on real time so that a frozen test clock never stalls a consumer.
    /// </remarks>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Settings of an account created on first use by an access key not listed in <see cref="Accounts"/>.</summary>
    public AccountOptions DefaultAccount { get; set; } = new();

    /// <summary>Known accounts by access key id; each key gets its own counters in every region it uses.</summary>
    public Dictionary<string, AccountOptions> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Regions whose accounts (and event queues) exist from the start.</summary>
    public List<string> Regions { get; set; } = ["us-east-1"];

    /// <summary>Bounce and complaint probabilities by recipient domain (lower case, e.g. <c>example.com</c>).</summary>
    public Dictionary<string, DomainOutcomeOptions> Domains { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seed of the per-address outcome hash: the same seed and address always give the same outcome.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How long after a send its events reach the event queue, in milliseconds of real time.</summary>
    public int EventDelayMilliseconds { get; set; } = 50;

    /// <summary>How many sent messages the log keeps (oldest dropped first).</summary>
    public int MessageLogCapacity { get; set; } = 100_000;

    /// <summary>Throws naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Urls is not null && !Uri.TryCreate(Urls.Split(';')[0], UriKind.Absolute, out _))
            throw new ArgumentException($"Urls '{Urls}' is not an absolute http URL.", nameof(Urls));
        if (EventDelayMilliseconds < 0)
            throw new ArgumentException($"EventDelayMilliseconds must be >= 0 but was {EventDelayMilliseconds}.", nameof(EventDelayMilliseconds));
        if (MessageLogCapacity < 0)
            throw new ArgumentException($"MessageLogCapacity must be >= 0 but was {MessageLogCapacity}.", nameof(MessageLogCapacity));
        if (Regions.Count == 0) throw new ArgumentException("Regions must name at least one region.", nameof(Regions));
        DefaultAccount.Validate(nameof(DefaultAccount));
        foreach (var (key, account) in Accounts) account.Validate($"Accounts:{key}");
        foreach (var (domain, outcome) in Domains) outcome.Validate($"Domains:{domain}");
    }
}
