using System.Text.Json.Serialization;
using CampaignFlows.Aws.Http;
using CampaignFlows.Aws.Sqs.Model;

namespace CampaignFlows.Aws.Sqs;

/// <summary>Source-generated JSON for SQS bodies (AWS JSON 1.0): member names as the model spells them, nulls left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateQueueRequest))]
[JsonSerializable(typeof(CreateQueueResponse))]
[JsonSerializable(typeof(GetQueueUrlRequest))]
[JsonSerializable(typeof(GetQueueUrlResponse))]
[JsonSerializable(typeof(GetQueueAttributesRequest))]
[JsonSerializable(typeof(GetQueueAttributesResponse))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(SendMessageBatchRequest))]
[JsonSerializable(typeof(SendMessageBatchResponse))]
[JsonSerializable(typeof(ReceiveMessageRequest))]
[JsonSerializable(typeof(ReceiveMessageResponse))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(DeleteMessageBatchRequest))]
[JsonSerializable(typeof(DeleteMessageBatchResponse))]
[JsonSerializable(typeof(ChangeMessageVisibilityRequest))]
[JsonSerializable(typeof(ChangeMessageVisibilityBatchRequest))]
[JsonSerializable(typeof(ChangeMessageVisibilityBatchResponse))]
[JsonSerializable(typeof(PurgeQueueRequest))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class SqsJsonContext : JsonSerializerContext;
