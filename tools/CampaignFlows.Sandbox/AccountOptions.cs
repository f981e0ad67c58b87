namespace CampaignFlows.Sandbox;

/// <summary>The settings of one SES account; the defaults model a production account out of the sandbox.</summary>
public sealed record AccountOptions
{
    /// <summary>The 12-digit AWS account id; derived from the access key id when not set.</summary>
    public string? AccountId { get; init; }

    /// <summary>Recipients accepted in any one-second window.</summary>
    public double MaxSendRate { get; init; } = 200;

    /// <summary>Recipients accepted in any rolling 24 hours.</summary>
    public double Max24HourSend { get; init; } = 1_000_000;

    /// <summary>Sending switched off by the account owner (SendingPausedException).</summary>
    public bool SendingPaused { get; init; }

    /// <summary>Account suspended by SES (AccountSuspendedException).</summary>
    public bool Suspended { get; init; }

    /// <summary>Added delay before every SES answer, in milliseconds.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>Chance in [0, 1] that an SES call fails with 503 ServiceUnavailable.</summary>
    public double ErrorProbability { get; init; }

    /// <summary>The SQS queue (in the same account and region) that receives SNS-wrapped SES events; none when empty.</summary>
    public string EventQueueName { get; init; } = "ses-events";

    /// <summary>Which SES event types are published (Send, Delivery, Bounce, Complaint, Rendering Failure).</summary>
    public List<string> EventTypes { get; init; } = ["Send", "Delivery", "Bounce", "Complaint", "Rendering Failure"];

    /// <summary>Dedicated IPs of the account, all in pool <c>default</c> with warm-up done until changed.</summary>
    public List<string> DedicatedIps { get; init; } = [];

    /// <summary>How many recent non-simulator recipients the bounce rate is measured over.</summary>
    public int ReputationWindow { get; init; } = 10_000;

    /// <summary>Recipients needed in the window before the bounce rate is enforced.</summary>
    public int ReputationMinimumSample { get; init; } = 200;

    internal void Validate(string path)
    {
        if (AccountId is not null && (AccountId.Length != 12 || !AccountId.All(char.IsAsciiDigit)))
            throw new ArgumentException($"{path}:AccountId must be 12 digits but was '{AccountId}'.");
        if (MaxSendRate <= 0) throw new ArgumentException($"{path}:MaxSendRate must be > 0 but was {MaxSendRate}.");
        if (Max24HourSend <= 0) throw new ArgumentException($"{path}:Max24HourSend must be > 0 but was {Max24HourSend}.");
        if (LatencyMilliseconds < 0) throw new ArgumentException($"{path}:LatencyMilliseconds must be >= 0 but was {LatencyMilliseconds}.");
        if (ErrorProbability is < 0 or > 1) throw new ArgumentException($"{path}:ErrorProbability must be within [0, 1] but was {ErrorProbability}.");
        if (ReputationWindow <= 0) throw new ArgumentException($"{path}:ReputationWindow must be > 0 but was {ReputationWindow}.");
        if (ReputationMinimumSample <= 0 || ReputationMinimumSample > ReputationWindow)
            throw new ArgumentException($"{path}:ReputationMinimumSample must be within [1, ReputationWindow] but was {ReputationMinimumSample}.");
        if (EventQueueName.Length > 80 || !EventQueueName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"{path}:EventQueueName '{EventQueueName}' must be an SQS queue name (letters, digits, '-', '_', at most 80) or empty.");
        foreach (var type in EventTypes)
            if (!SesEventTypes.All.Contains(type))
                throw new ArgumentException($"{path}:EventTypes has unknown type '{type}'; known: {string.Join(", ", SesEventTypes.All)}.");
    }
}
