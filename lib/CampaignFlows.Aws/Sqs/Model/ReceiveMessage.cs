namespace CampaignFlows.Aws.Sqs.Model;

/// <summary>Input of <c>ReceiveMessage</c>.</summary>
public sealed record ReceiveMessageRequest
{
    /// <summary>The longest long-poll wait SQS allows, in seconds.</summary>
    public const int MaxWaitTimeSeconds = 20;

    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>System attributes to return (the older name of <see cref="MessageSystemAttributeNames"/>).</summary>
    public IReadOnlyList<string>? AttributeNames { get; init; }

    /// <summary>System attributes to return, e.g. <c>ApproximateReceiveCount</c> or <c>All</c>.</summary>
    public IReadOnlyList<string>? MessageSystemAttributeNames { get; init; }

    /// <summary>Message attributes to return, or <c>All</c>.</summary>
    public IReadOnlyList<string>? MessageAttributeNames { get; init; }

    /// <summary>1 to 10 messages.</summary>
    public int? MaxNumberOfMessages { get; init; }

    /// <summary>Seconds the received messages stay invisible, overriding the queue's setting.</summary>
    public int? VisibilityTimeout { get; init; }

    /// <summary>Seconds to wait for a message (long poll), 0 to 20.</summary>
    public int? WaitTimeSeconds { get; init; }

    /// <summary>FIFO queues: the deduplication token of this receive.</summary>
    public string? ReceiveRequestAttemptId { get; init; }
}

/// <summary>Output of <c>ReceiveMessage</c>.</summary>
public sealed record ReceiveMessageResponse
{
    /// <summary>The messages; empty when the wait ended without any.</summary>
    public IReadOnlyList<Message> Messages { get; init => field = value ?? []; } = [];
}
