using System.Text.Json.Serialization;

namespace CampaignFlows.Aws.Sqs.Model;

/// <summary>Input of <c>CreateQueue</c>; creating an existing queue with the same attributes returns its URL.</summary>
public sealed record CreateQueueRequest
{
    /// <summary>The queue name; up to 80 characters, <c>.fifo</c> suffix for FIFO queues.</summary>
    public required string QueueName { get; init; }

    /// <summary>Queue attributes by name, e.g. <c>VisibilityTimeout</c>, <c>RedrivePolicy</c> (see <see cref="QueueAttributeName"/>).</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Cost-allocation tags; the model spells this member in lower case.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>Output of <c>CreateQueue</c>.</summary>
public sealed record CreateQueueResponse
{
    /// <summary>The queue URL that every other call names the queue by.</summary>
    public string? QueueUrl { get; init; }
}

/// <summary>Input of <c>GetQueueUrl</c>.</summary>
public sealed record GetQueueUrlRequest
{
    /// <summary>The queue name.</summary>
    public required string QueueName { get; init; }

    /// <summary>The account that owns the queue, when it is not the caller's.</summary>
    public string? QueueOwnerAWSAccountId { get; init; }
}

/// <summary>Output of <c>GetQueueUrl</c>.</summary>
public sealed record GetQueueUrlResponse
{
    /// <summary>The queue URL.</summary>
    public string? QueueUrl { get; init; }
}

/// <summary>Input of <c>GetQueueAttributes</c>.</summary>
public sealed record GetQueueAttributesRequest
{
    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>The attributes to read, or <c>All</c>.</summary>
    public IReadOnlyList<string>? AttributeNames { get; init; }
}

/// <summary>Output of <c>GetQueueAttributes</c>.</summary>
public sealed record GetQueueAttributesResponse
{
    /// <summary>The attributes by name; every value is a string.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init => field = value ?? new Dictionary<string, string>(); } = new Dictionary<string, string>();
}

/// <summary>Input of <c>PurgeQueue</c>.</summary>
public sealed record PurgeQueueRequest
{
    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }
}

/// <summary>Names of queue attributes CampaignFlows reads or sets.</summary>
public static class QueueAttributeName
{
    /// <summary>Every attribute.</summary>
    public const string All = "All";
    /// <summary>Seconds a received message stays invisible.</summary>
    public const string VisibilityTimeout = "VisibilityTimeout";
    /// <summary>Seconds a message is kept.</summary>
    public const string MessageRetentionPeriod = "MessageRetentionPeriod";
    /// <summary>Default long-poll wait in seconds.</summary>
    public const string ReceiveMessageWaitTimeSeconds = "ReceiveMessageWaitTimeSeconds";
    /// <summary>JSON <c>{"deadLetterTargetArn": ..., "maxReceiveCount": ...}</c>.</summary>
    public const string RedrivePolicy = "RedrivePolicy";
    /// <summary>The queue's ARN.</summary>
    public const string QueueArn = "QueueArn";
    /// <summary>Messages available to receive.</summary>
    public const string ApproximateNumberOfMessages = "ApproximateNumberOfMessages";
    /// <summary>Messages received but not yet deleted.</summary>
    public const string ApproximateNumberOfMessagesNotVisible = "ApproximateNumberOfMessagesNotVisible";
}
