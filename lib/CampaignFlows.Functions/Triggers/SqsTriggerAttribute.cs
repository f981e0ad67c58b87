namespace CampaignFlows.Functions;

/// <summary>Runs a function for each message of an SQS queue (long poll, batches).</summary>
/// <remarks>
/// Only messages whose handler succeeded are deleted; a failed one becomes visible again after the visibility timeout.
/// A message received more than <see cref="MaxReceiveCount"/> times is moved to <see cref="DeadLetterQueueUrl"/> and deleted.
/// The bound parameter is the SQS <c>Message</c> itself, its body as <see cref="string"/>, or any type deserialized from the body as JSON.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SqsTriggerAttribute(string queueUrl) : Attribute
{
    /// <summary>The queue URL or <c>%Setting%</c>.</summary>
    public string QueueUrl { get; } = queueUrl;

    /// <summary>
    /// The configuration section holding the AWS account (<c>Region</c>, <c>ServiceUrl</c>, <c>AccessKeyId</c>, <c>SecretAccessKey</c>);
    /// <c>Aws</c> when null. Without keys, the SDK's credential chain is used.
    /// </summary>
    public string? Connection { get; init; }

    /// <summary>Messages per receive, 1 to 10.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Receives after which a message counts as poison.</summary>
    public int MaxReceiveCount { get; init; } = 5;

    /// <summary>Where poison messages go, URL or <c>%Setting%</c>; when null, poison handling is left to the queue's own redrive policy.</summary>
    public string? DeadLetterQueueUrl { get; init; }

    /// <summary>Long-poll wait, 0 to 20 seconds.</summary>
    public int WaitTimeSeconds { get; init; } = 20;

    /// <summary>
    /// Receives kept going at once, 1 to 16: each poller receives a batch, runs it and deletes it, so several overlap one
    /// batch's round trips with another's work. Use more than 1 only where messages may be handled in any order.
    /// </summary>
    public int Pollers { get; init; } = 1;
}
