namespace CampaignFlows.Sandbox.Sqs;

// Field names mirror the SQS API model (sqs-2012-11-05, JSON protocol); "tags" is lower case there too.

internal sealed record MessageAttributeValue
{
    public string? StringValue { get; set; }

    public string? BinaryValue { get; set; }

    public List<string>? StringListValues { get; set; }

    public List<string>? BinaryListValues { get; set; }

    public string? DataType { get; set; }
}

internal sealed record CreateQueueRequest
{
    public string? QueueName { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }
}

internal sealed record GetQueueUrlRequest
{
    public string? QueueName { get; set; }

    public string? QueueOwnerAWSAccountId { get; set; }
}

internal sealed record QueueUrlResponse(string QueueUrl);

internal sealed record GetQueueAttributesRequest
{
    public string? QueueUrl { get; set; }

    public List<string>? AttributeNames { get; set; }
}

internal sealed record GetQueueAttributesResponse(Dictionary<string, string> Attributes);

internal sealed record QueueRequest
{
    public string? QueueUrl { get; set; }
}

internal sealed record SendMessageRequest
{
    public string? QueueUrl { get; set; }

    public string? MessageBody { get; set; }

    public int? DelaySeconds { get; set; }

    public Dictionary<string, MessageAttributeValue>? MessageAttributes { get; set; }
}

internal sealed record SendMessageResponse(string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes);

internal sealed record SendMessageBatchEntry
{
    public string? Id { get; set; }

    public string? MessageBody { get; set; }

    public int? DelaySeconds { get; set; }

    public Dictionary<string, MessageAttributeValue>? MessageAttributes { get; set; }
}

internal sealed record SendMessageBatchRequest
{
    public string? QueueUrl { get; set; }

    public List<SendMessageBatchEntry>? Entries { get; set; }
}

internal sealed record SendMessageBatchResultEntry(string Id, string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes);

internal sealed record BatchResultErrorEntry(string Id, bool SenderFault, string Code, string Message);

internal sealed record SendMessageBatchResponse(List<SendMessageBatchResultEntry> Successful, List<BatchResultErrorEntry> Failed);

internal sealed record ReceiveMessageRequest
{
    public string? QueueUrl { get; set; }

    public List<string>? AttributeNames { get; set; }

    public List<string>? MessageSystemAttributeNames { get; set; }

    public List<string>? MessageAttributeNames { get; set; }

    public int? MaxNumberOfMessages { get; set; }

    public int? VisibilityTimeout { get; set; }

    public int? WaitTimeSeconds { get; set; }
}

internal sealed record ReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string MD5OfBody,
    string Body,
    Dictionary<string, string>? Attributes,
    string? MD5OfMessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageAttributes);

internal sealed record ReceiveMessageResponse(List<ReceivedMessage> Messages);

internal sealed record DeleteMessageRequest
{
    public string? QueueUrl { get; set; }

    public string? ReceiptHandle { get; set; }
}

internal sealed record ChangeMessageVisibilityRequest
{
    public string? QueueUrl { get; set; }

    public string? ReceiptHandle { get; set; }

    public int? VisibilityTimeout { get; set; }
}

internal sealed record BatchHandleEntry
{
    public string? Id { get; set; }

    public string? ReceiptHandle { get; set; }

    public int? VisibilityTimeout { get; set; }
}

internal sealed record BatchHandleRequest
{
    public string? QueueUrl { get; set; }

    public List<BatchHandleEntry>? Entries { get; set; }
}

internal sealed record BatchIdEntry(string Id);

internal sealed record BatchHandleResponse(List<BatchIdEntry> Successful, List<BatchResultErrorEntry> Failed);
