namespace CampaignFlows.Aws.Sqs.Model;

/// <summary>A typed message attribute (SQS <c>MessageAttributeValue</c>).</summary>
public sealed record MessageAttributeValue
{
    /// <summary><c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom suffix.</summary>
    public required string DataType { get; init; }

    /// <summary>The value of a String or Number attribute.</summary>
    public string? StringValue { get; init; }

    /// <summary>The value of a Binary attribute; sent base64-encoded.</summary>
    public byte[]? BinaryValue { get; init; }

    /// <summary>Reserved by SQS.</summary>
    public IReadOnlyList<string>? StringListValues { get; init; }

    /// <summary>Reserved by SQS.</summary>
    public IReadOnlyList<byte[]>? BinaryListValues { get; init; }
}

/// <summary>A received message (SQS <c>Message</c>).</summary>
public sealed record Message
{
    /// <summary>The message id.</summary>
    public string? MessageId { get; init; }

    /// <summary>The handle that deletes or re-hides this receipt of the message.</summary>
    public string? ReceiptHandle { get; init; }

    /// <summary>MD5 of the body.</summary>
    public string? MD5OfBody { get; init; }

    /// <summary>The body.</summary>
    public string? Body { get; init; }

    /// <summary>System attributes asked for, e.g. <c>ApproximateReceiveCount</c>.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>MD5 of the message attributes.</summary>
    public string? MD5OfMessageAttributes { get; init; }

    /// <summary>Message attributes asked for.</summary>
    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }
}

/// <summary>Names of message system attributes.</summary>
public static class MessageSystemAttributeName
{
    /// <summary>Every system attribute.</summary>
    public const string All = "All";
    /// <summary>How many times the message has been received.</summary>
    public const string ApproximateReceiveCount = "ApproximateReceiveCount";
    /// <summary>Epoch milliseconds of the first receive.</summary>
    public const string ApproximateFirstReceiveTimestamp = "ApproximateFirstReceiveTimestamp";
    /// <summary>Epoch milliseconds of the send.</summary>
    public const string SentTimestamp = "SentTimestamp";
}
