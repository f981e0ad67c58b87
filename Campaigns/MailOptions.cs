using CampaignFlows.Domain;

namespace CampaignFlows.Campaigns;

/// <summary>The "Mail" configuration section: SES accounts, streams, health gates and sending knobs.</summary>
/// <remarks>
/// With no accounts configured the app runs on the embedded defaults: an in-process sandbox with one marketing
/// and one transactional account (see <see cref="EmbeddedSandbox"/>).
/// </remarks>
public sealed class MailOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string Section = "Mail";

    /// <summary>The SES accounts (or regions of one) the app may send through.</summary>
    public List<MailAccountOptions> Accounts { get; set; } = [];

    /// <summary>Streams by name with their priority class; higher classes are dispatched first.</summary>
    public Dictionary<string, StreamOptions> Streams { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["transactional"] = new() { Priority = 10 },
        ["marketing"] = new() { Priority = 0 },
    };

    /// <summary>The campaign health gate's thresholds.</summary>
    public HealthGateOptions HealthGate { get; set; } = new();

    /// <summary>Recipients per SendBulkEmail call; SES takes at most 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Seconds a wave lasts at the account's rate: the health gate and pause/cancel are checked between waves. 0 sizes
    /// waves by <see cref="WaveBatches"/> alone.
    /// </summary>
    public double WaveSeconds { get; set; } = 10;

    /// <summary>Batches per wave at most (all of them when the account's rate is unknown or <see cref="WaveSeconds"/> is 0).</summary>
    public int WaveBatches { get; set; } = 200;

    /// <summary>Waves per orchestration generation before ContinueAsNew keeps the history small.</summary>
    public int WavesPerGeneration { get; set; } = 20;

    /// <summary>Attempts for a batch that fails transiently (5xx, timeouts); throttles do not count.</summary>
    public int MaxSendAttempts { get; set; } = 5;

    /// <summary>The SQS queue created (by name) for dead letters when an account names no <see cref="MailAccountOptions.DeadLetterQueueUrl"/>.</summary>
    public string DeadLetterQueueName { get; set; } = "campaignflows-dead-letters";

    /// <summary>The SQS queue the SES event feed trigger reads (SES -> SNS -> SQS).</summary>
    public string? EventQueueUrl { get; set; }

    /// <summary>The blob container holding audience CSV files.</summary>
    public string AudienceContainer { get; set; } = "audiences";

    /// <summary>How long a failover keeps an account out of rotation before a probe.</summary>
    public TimeSpan AccountCoolDown { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The priority class of a stream; unknown streams get 0.</summary>
    public int PriorityOf(string stream) => Streams.TryGetValue(stream, out var s) ? s.Priority : 0;

    /// <summary>Throws naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (BatchSize is < 1 or > 50) throw new ArgumentException($"Mail:BatchSize must be 1 to 50, not {BatchSize}.");
        if (WaveSeconds < 0 || double.IsNaN(WaveSeconds)) throw new ArgumentException($"Mail:WaveSeconds must be 0 or more, not {WaveSeconds}.");
        if (WaveBatches < 1) throw new ArgumentException($"Mail:WaveBatches must be at least 1, not {WaveBatches}.");
        if (WavesPerGeneration < 1) throw new ArgumentException($"Mail:WavesPerGeneration must be at least 1, not {WavesPerGeneration}.");
        if (MaxSendAttempts < 1) throw new ArgumentException($"Mail:MaxSendAttempts must be at least 1, not {MaxSendAttempts}.");
        for (var i = 0; i < Accounts.Count; i++) Accounts[i].Validate($"Mail:Accounts:{i}");
        var duplicate = Accounts.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Mail:Accounts names must be unique; '{duplicate.Key}' repeats.");
        HealthGate.ToThresholds().Validated();
    }
}

/// <summary>One SES account in one region as configured.</summary>
public sealed class MailAccountOptions
{
    /// <summary>A unique name, e.g. <c>marketing-primary</c>; also names its rate-limit keys.</summary>
    public string Name { get; set; } = "";

    /// <summary>The AWS region.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>An endpoint override (the sandbox, or a VPC endpoint); AWS's regional endpoint when empty.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>An explicit access key id; the AWS default credential chain is used when empty.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret for <see cref="AccessKeyId"/>; never logged.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>The streams it carries, e.g. <c>marketing</c>.</summary>
    public List<string> Streams { get; set; } = [];

    /// <summary>Lower is tried first among the accounts carrying a stream.</summary>
    public int FailoverOrder { get; set; }

    /// <summary>The SES configuration set sends use unless a campaign overrides it.</summary>
    public string? ConfigurationSetName { get; set; }

    /// <summary>The SQS queue receiving this account's SES events (SNS-wrapped).</summary>
    public string? EventQueueUrl { get; set; }

    /// <summary>The SQS queue taking messages no account could send, with the reason.</summary>
    public string? DeadLetterQueueUrl { get; set; }

    /// <summary>Caps the per-second rate below SES's MaxSendRate (e.g. to leave room for other senders).</summary>
    public double? MaxSendRate { get; set; }

    /// <summary>Caps the rolling 24-hour quota below SES's Max24HourSend.</summary>
    public double? Max24HourSend { get; set; }

    /// <summary>The account as the failover policy sees it.</summary>
    public SesAccount ToSesAccount() => new(Name, Region, Streams, FailoverOrder);

    internal void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException($"{path}:Name is required.");
        if (Streams.Count == 0) throw new ArgumentException($"{path}:Streams must list at least one stream.");
        if (ServiceUrl is { Length: > 0 } && !Uri.TryCreate(ServiceUrl, UriKind.Absolute, out _))
            throw new ArgumentException($"{path}:ServiceUrl '{ServiceUrl}' is not an absolute URL.");
        if (MaxSendRate is <= 0) throw new ArgumentException($"{path}:MaxSendRate must be positive.");
        if (Max24HourSend is <= 0) throw new ArgumentException($"{path}:Max24HourSend must be positive.");
    }
}

/// <summary>A stream's settings.</summary>
public sealed class StreamOptions
{
    /// <summary>The priority class; transactional mail is served before campaigns.</summary>
    public int Priority { get; set; }
}

/// <summary>The health gate's thresholds as configured (rates as fractions: 0.05 is 5%).</summary>
public sealed class HealthGateOptions
{
    /// <summary>Pause at this bounce rate.</summary>
    public decimal BounceRatePause { get; set; } = 0.05m;

    /// <summary>Pause at this complaint rate.</summary>
    public decimal ComplaintRatePause { get; set; } = 0.001m;

    /// <summary>Switch account at this send error rate over <see cref="ErrorWindows"/> windows.</summary>
    public decimal ErrorRateSwitch { get; set; } = 0.10m;

    /// <summary>Consecutive windows the error rate must stay high.</summary>
    public int ErrorWindows { get; set; } = 2;

    /// <summary>Alert and hold low-priority streams at this share of the 24-hour quota.</summary>
    public decimal QuotaUsedAlert { get; set; } = 0.90m;

    /// <summary>How long a stream held for the quota waits before the gate looks again.</summary>
    public TimeSpan QuotaHoldRecheck { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Mails sent before bounce and error rates are judged.</summary>
    public long MinimumSample { get; set; } = 100;

    /// <summary>Mails sent before the complaint rate is judged.</summary>
    public long ComplaintMinimumSample { get; set; } = 1_000;

    /// <summary>How far back the bounce and complaint rates look.</summary>
    public TimeSpan ReputationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The width of one error-rate window.</summary>
    public TimeSpan ErrorWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The domain thresholds.</summary>
    public HealthThresholds ToThresholds() =>
        new(BounceRatePause, ComplaintRatePause, ErrorRateSwitch, ErrorWindows, QuotaUsedAlert, MinimumSample, ComplaintMinimumSample);
}
