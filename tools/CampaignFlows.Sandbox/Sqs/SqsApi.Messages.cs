using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Sqs;

internal static partial class SqsApi
{
    private const int MaxBatch = 10;

    private static async Task<object> SendMessageAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.SendMessageRequest).ConfigureAwait(false);
        var queue = call.Queue(request.QueueUrl);
        var body = ValidBody(request.MessageBody, queue);
        var delay = ValidDelay(request.DelaySeconds);
        ValidAttributes(request.MessageAttributes);
        var message = queue.Send(body, delay, request.MessageAttributes, call.Caller.AccessKeyId, call.NowMs);
        return new SendMessageResponse(message.MessageId, message.Md5OfBody, message.Md5OfMessageAttributes);
    }

    private static async Task<object> SendMessageBatchAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.SendMessageBatchRequest).ConfigureAwait(false);
        var queue = call.Queue(request.QueueUrl);
        var entries = ValidBatch(request.Entries, e => e.Id);
        var successful = new List<SendMessageBatchResultEntry>(entries.Count);
        var failed = new List<BatchResultErrorEntry>();
        foreach (var entry in entries)
        {
            try
            {
                var body = ValidBody(entry.MessageBody, queue);
                var delay = ValidDelay(entry.DelaySeconds);
                ValidAttributes(entry.MessageAttributes);
                var message = queue.Send(body, delay, entry.MessageAttributes, call.Caller.AccessKeyId, call.NowMs);
                successful.Add(new SendMessageBatchResultEntry(entry.Id!, message.MessageId, message.Md5OfBody, message.Md5OfMessageAttributes));
            }
            catch (AwsError error)
            {
                failed.Add(new BatchResultErrorEntry(entry.Id!, true, ShortCode(error), error.Message));
            }
        }
        return new SendMessageBatchResponse(successful, failed);
    }

    private static string ValidBody(string? body, SqsQueue queue)
    {
        if (string.IsNullOrEmpty(body)) throw SqsErrors.MissingParameter("MessageBody");
        if (System.Text.Encoding.UTF8.GetByteCount(body) > queue.Attributes.MaximumMessageSize)
            throw SqsErrors.InvalidParameterValue($"One or more parameters are invalid. Reason: Message must be shorter than {queue.Attributes.MaximumMessageSize} bytes.");
        return body;
    }

    private static int? ValidDelay(int? delay) =>
        delay is null or (>= 0 and <= 900) ? delay : throw SqsErrors.InvalidParameterValue($"Value {delay} for parameter DelaySeconds is invalid. Reason: must be >= 0 and <= 900.");

    private static void ValidAttributes(Dictionary<string, MessageAttributeValue>? attributes)
    {
        if (attributes is null) return;
        foreach (var (name, value) in attributes)
        {
            if (value is null || string.IsNullOrEmpty(value.DataType))
                throw SqsErrors.InvalidParameterValue($"The message attribute '{name}' must contain a non-empty attribute type.");
            if (value.StringValue is null && value.BinaryValue is null)
                throw SqsErrors.InvalidParameterValue($"The message attribute '{name}' must contain a non-empty message attribute value.");
            if (value.BinaryValue is not null && !Convert.TryFromBase64String(value.BinaryValue, new byte[value.BinaryValue.Length], out _))
                throw SqsErrors.InvalidParameterValue($"The message attribute '{name}' has a BinaryValue that is not base64.");
        }
    }

    private static List<T> ValidBatch<T>(List<T>? entries, Func<T, string?> id)
    {
        if (entries is null || entries.Count == 0) throw SqsErrors.EmptyBatchRequest();
        if (entries.Count > MaxBatch) throw SqsErrors.TooManyEntriesInBatchRequest(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var value = entry is null ? null : id(entry);
            if (string.IsNullOrEmpty(value) || value.Length > 80 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw SqsErrors.InvalidBatchEntryId(value);
            if (!seen.Add(value)) throw SqsErrors.BatchEntryIdsNotDistinct(value);
        }
        return entries;
    }

    private static string ShortCode(AwsError error) => error.Type[(error.Type.IndexOf('#') + 1)..];
}
