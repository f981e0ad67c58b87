using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Sqs;

/// <summary>SQS's error answers in the JSON protocol, with their legacy query error codes.</summary>
internal static class SqsErrors
{
    private const string Sqs = "com.amazonaws.sqs#";

    public static AwsError QueueDoesNotExist() =>
        new(400, Sqs + "QueueDoesNotExist", "The specified queue does not exist.", "AWS.SimpleQueueService.NonExistentQueue;Sender");

    public static AwsError QueueNameExists(string name) =>
        new(400, Sqs + "QueueNameExists", $"A queue already exists with the same name ({name}) and a different value for attributes.", "QueueAlreadyExists;Sender");

    public static AwsError MissingParameter(string name) =>
        new(400, Sqs + "MissingParameter", $"The request must contain the parameter {name}.", "MissingParameter;Sender");

    public static AwsError InvalidParameterValue(string message) =>
        new(400, Sqs + "InvalidParameterValue", message, "InvalidParameterValue;Sender");

    public static AwsError InvalidAttributeName(string name) =>
        new(400, Sqs + "InvalidAttributeName", $"Unknown Attribute {name}.", "InvalidAttributeName;Sender");

    public static AwsError InvalidAttributeValue(string message) =>
        new(400, Sqs + "InvalidAttributeValue", message, "InvalidAttributeValue;Sender");

    public static AwsError ReceiptHandleIsInvalid(string handle) =>
        new(400, Sqs + "ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.", "ReceiptHandleIsInvalid;Sender");

    public static AwsError MessageNotInflight() =>
        new(400, Sqs + "MessageNotInflight", "Value for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.", "AWS.SimpleQueueService.MessageNotInflight;Sender");

    public static AwsError EmptyBatchRequest() =>
        new(400, Sqs + "EmptyBatchRequest", "There should be at least one entry in the request.", "AWS.SimpleQueueService.EmptyBatchRequest;Sender");

    public static AwsError TooManyEntriesInBatchRequest(int count) =>
        new(400, Sqs + "TooManyEntriesInBatchRequest", $"Maximum number of entries per request are 10. You have sent {count}.", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest;Sender");

    public static AwsError BatchEntryIdsNotDistinct(string id) =>
        new(400, Sqs + "BatchEntryIdsNotDistinct", $"Id {id} repeated.", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct;Sender");

    public static AwsError InvalidBatchEntryId(string? id) =>
        new(400, Sqs + "InvalidBatchEntryId", $"A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long. Got '{id}'.", "AWS.SimpleQueueService.InvalidBatchEntryId;Sender");

    public static AwsError Serialization(string message) =>
        new(400, "com.amazon.coral.service#SerializationException", message);

    public static AwsError UnknownOperation() =>
        new(400, "com.amazon.coral.service#UnknownOperationException", "The action or operation requested is invalid. Verify that the action is typed correctly.");
}
