namespace CampaignFlows.Sandbox.Http;

/// <summary>
/// An error answer as the AWS service sends it: the model's HTTP status, the error shape name (SQS prefixes
/// it, e.g. <c>com.amazonaws.sqs#QueueDoesNotExist</c>) and, for SQS, the legacy <c>x-amzn-query-error</c> code.
/// Thrown by handlers, written by the protocol's wrapper.
/// </summary>
internal sealed class AwsError(int status, string type, string message, string? queryError = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public string? QueryError { get; } = queryError;
}
