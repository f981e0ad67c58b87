using CampaignFlows.Aws.Sqs.Model;

namespace CampaignFlows.Aws.Sqs;

/// <summary>The Amazon SQS operations CampaignFlows uses, for one account in one region.</summary>
/// <remarks>Every failure surfaces as an <see cref="AwsServiceException"/>; cancelling the token throws
/// <see cref="OperationCanceledException"/>. Batch calls report per-entry failures in their answer instead of throwing.
/// Calls are thread-safe.</remarks>
public interface ISqsClient
{
    /// <summary>The account these calls go to.</summary>
    AwsAccountOptions Account { get; }

    /// <summary>Creates a queue, or returns the URL of an existing one with the same attributes.</summary>
    Task<CreateQueueResponse> CreateQueueAsync(CreateQueueRequest request, CancellationToken cancellationToken = default);

    /// <summary>Looks up a queue's URL by name.</summary>
    Task<GetQueueUrlResponse> GetQueueUrlAsync(GetQueueUrlRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads queue attributes.</summary>
    Task<GetQueueAttributesResponse> GetQueueAttributesAsync(GetQueueAttributesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends one message.</summary>
    Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends 1 to 10 messages.</summary>
    Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Receives up to 10 messages, waiting up to <c>WaitTimeSeconds</c> for the first.</summary>
    Task<ReceiveMessageResponse> ReceiveMessageAsync(ReceiveMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes one received message.</summary>
    Task DeleteMessageAsync(DeleteMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes 1 to 10 received messages.</summary>
    Task<DeleteMessageBatchResponse> DeleteMessageBatchAsync(DeleteMessageBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes how long one received message stays invisible.</summary>
    Task ChangeMessageVisibilityAsync(ChangeMessageVisibilityRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes how long 1 to 10 received messages stay invisible.</summary>
    Task<ChangeMessageVisibilityBatchResponse> ChangeMessageVisibilityBatchAsync(ChangeMessageVisibilityBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes every message in a queue.</summary>
    Task PurgeQueueAsync(PurgeQueueRequest request, CancellationToken cancellationToken = default);
}
