using System.Globalization;
using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Sqs;

internal static partial class SqsApi
{
    private static async Task<object> CreateQueueAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.CreateQueueRequest).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request.QueueName)) throw SqsErrors.MissingParameter("QueueName");
        var queue = call.State.Queues.GetOrCreate(call.Caller.Region, call.AccountId, request.QueueName, request.Attributes is { Count: > 0 } a ? a : null);
        return new QueueUrlResponse(call.UrlOf(queue));
    }

    private static async Task<object> GetQueueUrlAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.GetQueueUrlRequest).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request.QueueName)) throw SqsErrors.MissingParameter("QueueName");
        var queue = call.State.Queues.Find(call.Caller.Region, request.QueueOwnerAWSAccountId ?? call.AccountId, request.QueueName)
            ?? throw SqsErrors.QueueDoesNotExist();
        return new QueueUrlResponse(call.UrlOf(queue));
    }

    private static async Task<object> GetQueueAttributesAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.GetQueueAttributesRequest).ConfigureAwait(false);
        var queue = call.Queue(request.QueueUrl);
        var all = Attributes(queue);
        var names = request.AttributeNames?.OfType<string>().ToList() ?? [];
        if (names.Contains("All")) return new GetQueueAttributesResponse(all);
        var picked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (all.TryGetValue(name, out var value)) picked[name] = value;
            else if (!KnownUnset.Contains(name)) throw SqsErrors.InvalidAttributeName(name);
        }
        return new GetQueueAttributesResponse(picked);
    }

    private static async Task<object> PurgeQueueAsync(SqsCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.QueueRequest).ConfigureAwait(false);
        call.Queue(request.QueueUrl).Purge();
        return new Ses.EmptyResponse();
    }

    private static readonly HashSet<string> KnownUnset = ["RedrivePolicy", "Policy", "KmsMasterKeyId", "RedriveAllowPolicy", "FifoQueue", "ContentBasedDeduplication"];

    private static Dictionary<string, string> Attributes(SqsQueue queue)
    {
        var (visible, inFlight, delayed) = queue.Counts();
        var a = queue.Attributes;
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["QueueArn"] = queue.Arn,
            ["ApproximateNumberOfMessages"] = Text(visible),
            ["ApproximateNumberOfMessagesNotVisible"] = Text(inFlight),
            ["ApproximateNumberOfMessagesDelayed"] = Text(delayed),
            ["CreatedTimestamp"] = Text(queue.CreatedAtSeconds),
            ["LastModifiedTimestamp"] = Text(queue.CreatedAtSeconds),
            ["VisibilityTimeout"] = Text(a.VisibilityTimeout),
            ["MaximumMessageSize"] = Text(a.MaximumMessageSize),
            ["MessageRetentionPeriod"] = Text(a.MessageRetentionPeriod),
            ["DelaySeconds"] = Text(a.DelaySeconds),
            ["ReceiveMessageWaitTimeSeconds"] = Text(a.ReceiveMessageWaitTimeSeconds),
            ["SqsManagedSseEnabled"] = "false",
        };
        if (a.Redrive is { } redrive)
            result["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{redrive.DeadLetterTargetArn}\",\"maxReceiveCount\":{redrive.MaxReceiveCount}}}";
        return result;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
