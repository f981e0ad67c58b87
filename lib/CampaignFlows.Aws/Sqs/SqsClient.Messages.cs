using CampaignFlows.Aws.Sqs.Model;

namespace CampaignFlows.Aws.Sqs;

public sealed partial class SqsClient
{
    /// <inheritdoc />
    public Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default) =>
        Call("SendMessage", request, Json.SendMessageRequest, Json.SendMessageResponse, cancellationToken);

    /// <inheritdoc />
    public Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateBatch("SendMessageBatch", request.Entries, e => e.Id);
        return Call("SendMessageBatch", request, Json.SendMessageBatchRequest, Json.SendMessageBatchResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReceiveMessageResponse> ReceiveMessageAsync(ReceiveMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.WaitTimeSeconds is < 0 or > ReceiveMessageRequest.MaxWaitTimeSeconds)
            throw new ArgumentException($"WaitTimeSeconds must be 0 to {ReceiveMessageRequest.MaxWaitTimeSeconds}, not {request.WaitTimeSeconds}.", nameof(request));
        if (request.MaxNumberOfMessages is < 1 or > MaxBatchEntries)
            throw new ArgumentException($"MaxNumberOfMessages must be 1 to {MaxBatchEntries}, not {request.MaxNumberOfMessages}.", nameof(request));
        // A long poll legitimately holds the request open for its whole wait, on top of the normal time to answer.
        var wait = TimeSpan.FromSeconds(request.WaitTimeSeconds ?? ReceiveMessageRequest.MaxWaitTimeSeconds);
        return Call("ReceiveMessage", request, Json.ReceiveMessageRequest, Json.ReceiveMessageResponse, cancellationToken, wait);
    }

    /// <inheritdoc />
    public Task DeleteMessageAsync(DeleteMessageRequest request, CancellationToken cancellationToken = default) =>
        Call("DeleteMessage", request, Json.DeleteMessageRequest, Json.EmptyResponse, cancellationToken);

    /// <inheritdoc />
    public Task<DeleteMessageBatchResponse> DeleteMessageBatchAsync(DeleteMessageBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateBatch("DeleteMessageBatch", request.Entries, e => e.Id);
        return Call("DeleteMessageBatch", request, Json.DeleteMessageBatchRequest, Json.DeleteMessageBatchResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task ChangeMessageVisibilityAsync(ChangeMessageVisibilityRequest request, CancellationToken cancellationToken = default) =>
        Call("ChangeMessageVisibility", request, Json.ChangeMessageVisibilityRequest, Json.EmptyResponse, cancellationToken);

    /// <inheritdoc />
    public Task<ChangeMessageVisibilityBatchResponse> ChangeMessageVisibilityBatchAsync(ChangeMessageVisibilityBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateBatch("ChangeMessageVisibilityBatch", request.Entries, e => e.Id);
        return Call("ChangeMessageVisibilityBatch", request, Json.ChangeMessageVisibilityBatchRequest, Json.ChangeMessageVisibilityBatchResponse, cancellationToken);
    }
}
