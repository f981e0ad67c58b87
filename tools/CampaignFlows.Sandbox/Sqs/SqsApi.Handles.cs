using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Sqs;

internal static partial class SqsApi
{
    private static async Task<object> DeleteMessageAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.DeleteMessageRequest).ConfigureAwait(false);
        var queue = call.Queue(request.QueueUrl);
        var handle = request.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle");
        Check(queue.Delete(handle), handle);
        return new Ses.EmptyResponse();
    }

    private static async Task<object> ChangeMessageVisibilityAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.ChangeMessageVisibilityRequest).ConfigureAwait(false);
        var queue = call.Queue(request.QueueUrl);
        var handle = request.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle");
        var timeout = ValidVisibility(request.VisibilityTimeout);
        Check(queue.ChangeVisibility(handle, timeout), handle);
        return new Ses.EmptyResponse();
    }

    private static async Task<object> DeleteMessageBatchAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.BatchHandleRequest).ConfigureAwait(false);
        var queue = call.Queue(request.QueueUrl);
        return Batch(request.Entries, entry => queue.Delete(entry.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle")));
    }

    private static async Task<object> ChangeMessageVisibilityBatchAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.BatchHandleRequest).ConfigureAwait(false);
        var queue = call.Queue(request.QueueUrl);
        return Batch(request.Entries, entry =>
            queue.ChangeVisibility(entry.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle"), ValidVisibility(entry.VisibilityTimeout)));
    }

    private static BatchHandleResponse Batch(List<BatchHandleEntry>? entries, Func<BatchHandleEntry, HandleResult> apply)
    {
        var successful = new List<BatchIdEntry>();
        var failed = new List<BatchResultErrorEntry>();
        foreach (var entry in ValidBatch(entries, e => e.Id))
        {
            try
            {
                Check(apply(entry), entry.ReceiptHandle!);
                successful.Add(new BatchIdEntry(entry.Id!));
            }
            catch (AwsError error)
            {
                failed.Add(new BatchResultErrorEntry(entry.Id!, true, ShortCode(error), error.Message));
            }
        }
        return new BatchHandleResponse(successful, failed);
    }

    private static int ValidVisibility(int? timeout) => timeout is >= 0 and <= 43_200
        ? timeout.Value
        : throw SqsErrors.InvalidParameterValue($"Value {timeout} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200.");

    private static void Check(HandleResult result, string handle)
    {
        if (result == HandleResult.Invalid) throw SqsErrors.ReceiptHandleIsInvalid(handle);
        if (result == HandleResult.NotInFlight) throw SqsErrors.MessageNotInflight();
    }
}
