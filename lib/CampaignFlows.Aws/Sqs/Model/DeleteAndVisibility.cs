namespace CampaignFlows.Aws.Sqs.Model;

/// <summary>Input of <c>DeleteMessage</c>.</summary>
public sealed record DeleteMessageRequest
{
    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>The receipt handle of the receive.</summary>
    public required string ReceiptHandle { get; init; }
}

/// <summary>Input of <c>DeleteMessageBatch</c>.</summary>
public sealed record DeleteMessageBatchRequest
{
    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>1 to 10 entries with ids unique in the batch.</summary>
    public required IReadOnlyList<DeleteMessageBatchRequestEntry> Entries { get; init; }
}

/// <summary>One message of a batch delete.</summary>
public sealed record DeleteMessageBatchRequestEntry
{
    /// <summary>An id unique in the batch.</summary>
    public required string Id { get; init; }

    /// <summary>The receipt handle.</summary>
    public required string ReceiptHandle { get; init; }
}

/// <summary>Output of <c>DeleteMessageBatch</c>.</summary>
public sealed record DeleteMessageBatchResponse
{
    /// <summary>The deleted entries.</summary>
    public IReadOnlyList<DeleteMessageBatchResultEntry> Successful { get; init => field = value ?? []; } = [];

    /// <summary>The refused entries.</summary>
    public IReadOnlyList<BatchResultErrorEntry> Failed { get; init => field = value ?? []; } = [];
}

/// <summary>A deleted entry of a batch delete.</summary>
public sealed record DeleteMessageBatchResultEntry
{
    /// <summary>The entry id.</summary>
    public string? Id { get; init; }
}

/// <summary>Input of <c>ChangeMessageVisibility</c>.</summary>
public sealed record ChangeMessageVisibilityRequest
{
    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>The receipt handle.</summary>
    public required string ReceiptHandle { get; init; }

    /// <summary>Seconds from now until the message becomes visible again, 0 to 43,200.</summary>
    public required int VisibilityTimeout { get; init; }
}

/// <summary>Input of <c>ChangeMessageVisibilityBatch</c>.</summary>
public sealed record ChangeMessageVisibilityBatchRequest
{
    /// <summary>The queue URL.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>1 to 10 entries with ids unique in the batch.</summary>
    public required IReadOnlyList<ChangeMessageVisibilityBatchRequestEntry> Entries { get; init; }
}

/// <summary>One message of a batch visibility change.</summary>
public sealed record ChangeMessageVisibilityBatchRequestEntry
{
    /// <summary>An id unique in the batch.</summary>
    public required string Id { get; init; }

    /// <summary>The receipt handle.</summary>
    public required string ReceiptHandle { get; init; }

    /// <summary>Seconds from now until the message becomes visible again.</summary>
    public int? VisibilityTimeout { get; init; }
}

/// <summary>Output of <c>ChangeMessageVisibilityBatch</c>.</summary>
public sealed record ChangeMessageVisibilityBatchResponse
{
    /// <summary>The changed entries.</summary>
    public IReadOnlyList<ChangeMessageVisibilityBatchResultEntry> Successful { get; init => field = value ?? []; } = [];

    /// <summary>The refused entries.</summary>
    public IReadOnlyList<BatchResultErrorEntry> Failed { get; init => field = value ?? []; } = [];
}

/// <summary>A changed entry of a batch visibility change.</summary>
public sealed record ChangeMessageVisibilityBatchResultEntry
{
    /// <summary>The entry id.</summary>
    public string? Id { get; init; }
}
