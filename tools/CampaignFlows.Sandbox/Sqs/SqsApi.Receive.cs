using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Sqs;

internal static partial class SqsApi
{
    private static async Task<object> ReceiveMessageAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.ReceiveMessageRequest).ConfigureAwait(false);
        var queue = call.Queue(request.QueueUrl);
        var max = request.MaxNumberOfMessages ?? 1;
        if (max is < 1 or > 10)
            throw SqsErrors.InvalidParameterValue($"Value {max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        var wait = request.WaitTimeSeconds ?? queue.Attributes.ReceiveMessageWaitTimeSeconds;
        if (wait is < 0 or > 20)
            throw SqsErrors.InvalidParameterValue($"Value {wait} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
        var visibility = request.VisibilityTimeout ?? queue.Attributes.VisibilityTimeout;
        if (visibility is < 0 or > 43_200)
            throw SqsErrors.InvalidParameterValue($"Value {visibility} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.");

        var taken = await queue.ReceiveAsync(max, visibility, TimeSpan.FromSeconds(wait), call.NowMs, call.Context.RequestAborted).ConfigureAwait(false);
        var systemNames = (request.AttributeNames ?? []).Concat(request.MessageSystemAttributeNames ?? []).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var attributeNames = request.MessageAttributeNames?.OfType<string>().ToList() ?? [];
        return new ReceiveMessageResponse([.. taken.Select(m => Received(m, systemNames, attributeNames))]);
    }

    private static ReceivedMessage Received(SqsMessage message, HashSet<string> systemNames, List<string> attributeNames)
    {
        Dictionary<string, string>? system = null;
        if (systemNames.Count > 0)
        {
            var all = systemNames.Contains("All");
            system = new Dictionary<string, string>(StringComparer.Ordinal);
            void Add(string name, long value)
            {
                if (all || systemNames.Contains(name)) system[name] = Text(value);
            }
            if (all || systemNames.Contains("SenderId")) system["SenderId"] = message.SenderId;
            Add("SentTimestamp", message.SentAtMs);
            Add("ApproximateReceiveCount", message.ReceiveCount);
            Add("ApproximateFirstReceiveTimestamp", message.FirstReceivedAtMs);
        }
        var attributes = PickAttributes(message.MessageAttributes, attributeNames);
        return new ReceivedMessage(message.MessageId, message.ReceiptHandle!, message.Md5OfBody, message.Body, system,
            attributes is null ? null : SqsChecksums.Md5OfAttributes(attributes), attributes);
    }

    private static Dictionary<string, MessageAttributeValue>? PickAttributes(Dictionary<string, MessageAttributeValue>? attributes, List<string> names)
    {
        if (attributes is null || attributes.Count == 0 || names.Count == 0) return null;
        var picked = attributes.Where(a => names.Any(n => n is "All" or ".*" || n == a.Key || (n.EndsWith(".*", StringComparison.Ordinal) && a.Key.StartsWith(n[..^1], StringComparison.Ordinal))))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return picked.Count == 0 ? null : picked;
    }
}
