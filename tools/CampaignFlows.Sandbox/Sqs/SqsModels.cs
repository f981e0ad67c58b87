namespace CampaignFlows.Sandbox.Sqs;

// Field names mirror the SQS API model (sqs-2012-11-05, JSON protocol); "tags" is lower case there too.

internal sealed record MessageAttributeValue(string? StringValue, string? BinaryValue, List<string>? StringListValues, List<string>? BinaryListValues, string? DataType);

internal sealed record CreateQueueRequest(string? QueueName, Dictionary<string, string>? Attributes);

internal sealed record GetQueueUrlRequest(string? QueueName, string? QueueOwnerAWSAccountId);

internal sealed record QueueUrlResponse(string QueueUrl);

internal sealed record GetQueueAttributesRequest(string? QueueUrl, List<string>? AttributeNames);

internal sealed record GetQueueAttributesResponse(Dictionary<string, string> Attributes);

internal sealed record QueueRequest(string? QueueUrl);

internal sealed record SendMessageRequest(string? QueueUrl, string? MessageBody, int? DelaySeconds, Dictionary<string, MessageAttributeValue>? MessageAttributes);

internal sealed record SendMessageResponse(string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes);

internal sealed record SendMessageBatchEntry(string? Id, string? MessageBody, int? DelaySeconds, Dictionary<string, MessageAttributeValue>? MessageAttributes);

internal sealed record SendMessageBatchRequest(string? QueueUrl, List<SendMessageBatchEntry>? Entries);

internal sealed record SendMessageBatchResultEntry(string Id, string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes);

internal sealed record BatchResultErrorEntry(string Id, bool SenderFault, string Code, string Message);

internal sealed record SendMessageBatchResponse(List<SendMessageBatchResultEntry> Successful, List<BatchResultErrorEntry> Failed);

internal sealed record ReceiveMessageRequest(
    string? QueueUrl,
    List<string>? AttributeNames,
    List<string>? MessageSystemAttributeNames,
    List<string>? MessageAttributeNames,
    int? MaxNumberOfMessages,
    int? VisibilityTimeout,
    int? WaitTimeSeconds);

internal sealed record ReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string MD5OfBody,
    string Body,
    Dictionary<string, string>? Attributes,
    string? MD5OfMessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageAttributes);

internal sealed record ReceiveMessageResponse(List<ReceivedMessage> Messages);

internal sealed record DeleteMessageRequest(string? QueueUrl, string? ReceiptHandle);

internal sealed record ChangeMessageVisibilityRequest(string? QueueUrl, string? ReceiptHandle, int? VisibilityTimeout);

internal sealed record BatchHandleEntry(string? Id, string? ReceiptHandle, int? VisibilityTimeout);

internal sealed record BatchHandleRequest(string? QueueUrl, List<BatchHandleEntry>? Entries);

internal sealed record BatchIdEntry(string Id);

internal sealed record BatchHandleResponse(List<BatchIdEntry> Successful, List<BatchResultErrorEntry> Failed);
