using Microsoft.Extensions.Logging;

namespace CampaignFlows.Blobs;

/// <summary>The log messages of the blob stores, with stable event ids. They never contain keys or signatures.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Created blob container {Container}")]
    internal static partial void ContainerCreated(this ILogger logger, string container);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Blob request {Method} {Path} failed with {Status} {ErrorCode} (request id {RequestId})")]
    internal static partial void RequestFailed(
        this ILogger logger, string? method, string path, int status, string? errorCode, string? requestId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug,
        Message = "Uploaded blob {Container}/{BlobName}: {Length} bytes in {BlockCount} block(s)")]
    internal static partial void BlobUploaded(this ILogger logger, string container, string blobName, long length, int blockCount);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Local blob links are signed with a new key stored at {KeyPath}")]
    internal static partial void LocalLinkKeyCreated(this ILogger logger, string keyPath);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information,
        Message = "Refused local blob link for {Container}/{BlobName}: {Reason}")]
    internal static partial void LocalLinkRefused(this ILogger logger, string container, string blobName, string reason);
}
