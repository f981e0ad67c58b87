namespace CampaignFlows.Sandbox.Sqs;

/// <summary>A message held by a queue; mutated only under its queue's lock.</summary>
internal sealed class SqsMessage(string messageId, string body, Dictionary<string, MessageAttributeValue>? attributes, string senderId, long sentAtMs)
{
    public string MessageId { get; } = messageId;

    public string Body { get; } = body;

    public string Md5OfBody { get; } = SqsChecksums.Md5Hex(body);

    public Dictionary<string, MessageAttributeValue>? MessageAttributes { get; } = attributes;

    public string? Md5OfMessageAttributes { get; } = attributes is { Count: > 0 } ? SqsChecksums.Md5OfAttributes(attributes) : null;

    public string SenderId { get; } = senderId;

    public long SentAtMs { get; } = sentAtMs;

    public long FirstReceivedAtMs { get; set; }

    public int ReceiveCount { get; set; }

    /// <summary>Real-time ticks (<see cref="System.Diagnostics.Stopwatch"/>) when the message becomes visible.</summary>
    public long VisibleAt { get; set; }

    /// <summary>Bumped whenever <see cref="VisibleAt"/> changes, so stale entries in the hidden heap are skipped.</summary>
    public int Version { get; set; }

    public bool Delayed { get; set; }

    public bool Deleted { get; set; }

    public string? ReceiptHandle { get; set; }
}
