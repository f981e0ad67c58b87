namespace CampaignFlows.Aws.Sqs.Model;

/// <summary>Input of <c>SendMessage</c>.</summary>
public sealed record SendMessageRequest
{
    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>The body, up to 256 KiB.</summary>
    public required string MessageBody { get; init; }

    /// <summary>Seconds before the message becomes visible, 0 to 900.</summary>
    public int? DelaySeconds { get; init; }

    /// <summary>Message attributes.</summary>
    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>FIFO queues: the deduplication id.</summary>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>FIFO queues: the ordering group.</summary>
    public string? MessageGroupId { get; init; }
}

/// <summary>Output of <c>SendMessage</c>.</summary>
public sealed record SendMessageResponse
{
    /// <summary>MD5 of the body as SQS received it.</summary>
    public string? MD5OfMessageBody { get; init; }

    /// <summary>MD5 of the message attributes.</summary>
    public string? MD5OfMessageAttributes { get; init; }

    /// <summary>The message id.</summary>
    public string? MessageId { get; init; }

    /// <summary>FIFO queues: the sequence number.</summary>
    public string? SequenceNumber { get; init; }
}

/// <summary>Input of <c>SendMessageBatch</c>.</summary>
public sealed record SendMessageBatchRequest
{
    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>1 to 10 messages with ids unique in the batch.</summary>
    public required IReadOnlyList<SendMessageBatchRequestEntry> Entries { get; init; }
}

/// <summary>One message of a batch send.</summary>
public sealed record SendMessageBatchRequestEntry
{
    /// <summary>An id unique in the batch that the result refers to.</summary>
    public required string Id { get; init; }

    /// <summary>The body.</summary>
    public required string MessageBody { get; init; }

    /// <summary>Seconds before the message becomes visible.</summary>
    public int? DelaySeconds { get; init; }

    /// <summary>Message attributes.</summary>
    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>FIFO queues: the deduplication id.</summary>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>FIFO queues: the ordering group.</summary>
    public string? MessageGroupId { get; init; }
}

/// <summary>Output of <c>SendMessageBatch</c>: each entry either succeeded or failed.</summary>
public sealed record SendMessageBatchResponse
{
    /// <summary>The entries SQS accepted.</summary>
    public IReadOnlyList<SendMessageBatchResultEntry> Successful { get; init => field = value ?? []; } = [];

    /// <summary>The entries SQS refused.</summary>
    public IReadOnlyList<BatchResultErrorEntry> Failed { get; init => field = value ?? []; } = [];
}

/// <summary>An accepted entry of a batch send.</summary>
public sealed record SendMessageBatchResultEntry
{
    /// <summary>The entry id.</summary>
    public string? Id { get; init; }

    /// <summary>The message id.</summary>
    public string? MessageId { get; init; }

    /// <summary>MD5 of the body.</summary>
    public string? MD5OfMessageBody { get; init; }

    /// <summary>MD5 of the message attributes.</summary>
    public string? MD5OfMessageAttributes { get; init; }

    /// <summary>FIFO queues: the sequence number.</summary>
    public string? SequenceNumber { get; init; }
}

/// <summary>A refused entry of any batch call (SQS <c>BatchResultErrorEntry</c>).</summary>
public sealed record BatchResultErrorEntry
{
    /// <summary>The entry id.</summary>
    public string? Id { get; init; }

    /// <summary>True when the entry itself is wrong; false when a retry may succeed.</summary>
    public bool SenderFault { get; init; }

    /// <summary>The error code.</summary>
    public string? Code { get; init; }

    /// <summary>The error message.</summary>
    public string? Message { get; init; }
}
