using System.Globalization;
using System.Text.Json;

namespace CampaignFlows.Sandbox.Sqs;

/// <summary>A dead-letter target and how many receives send a message there.</summary>
internal sealed record RedrivePolicy(string DeadLetterTargetArn, int MaxReceiveCount);

/// <summary>The settable attributes of a queue, validated as SQS validates them.</summary>
internal sealed record QueueAttributes(int VisibilityTimeout, int DelaySeconds, int ReceiveMessageWaitTimeSeconds, int MessageRetentionPeriod, int MaximumMessageSize, RedrivePolicy? Redrive)
{
    public static QueueAttributes Default { get; } = new(30, 0, 0, 345_600, 262_144, null);

    public static QueueAttributes Parse(IReadOnlyDictionary<string, string>? attributes)
    {
        var result = Default;
        if (attributes is null) return result;
        foreach (var (name, value) in attributes)
        {
            if (value is null) throw SqsErrors.InvalidAttributeValue($"Invalid value for the parameter {name}. Reason: a value is required.");
            result = name switch
            {
                "VisibilityTimeout" => result with { VisibilityTimeout = Int(name, value, 0, 43_200) },
                "DelaySeconds" => result with { DelaySeconds = Int(name, value, 0, 900) },
                "ReceiveMessageWaitTimeSeconds" => result with { ReceiveMessageWaitTimeSeconds = Int(name, value, 0, 20) },
                "MessageRetentionPeriod" => result with { MessageRetentionPeriod = Int(name, value, 60, 1_209_600) },
                "MaximumMessageSize" => result with { MaximumMessageSize = Int(name, value, 1024, 262_144) },
                "RedrivePolicy" => result with { Redrive = ParseRedrive(value) },
                "Policy" or "KmsMasterKeyId" or "KmsDataKeyReusePeriodSeconds" or "SqsManagedSseEnabled" or "RedriveAllowPolicy" => result,
                _ => throw SqsErrors.InvalidAttributeName(name),
            };
        }
        return result;
    }

    private static int Int(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw SqsErrors.InvalidAttributeValue($"Invalid value for the parameter {name}. Reason: must be an integer from {min} to {max}.");
        return n;
    }

    private static RedrivePolicy ParseRedrive(string value)
    {
        try
        {
            using var doc = JsonDocument.Parse(value);
            var root = doc.RootElement;
            var arn = root.TryGetProperty("deadLetterTargetArn", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            int count = 0;
            var hasCount = root.TryGetProperty("maxReceiveCount", out var c) &&
                (c.ValueKind == JsonValueKind.Number ? c.TryGetInt32(out count) : int.TryParse(c.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out count));
            if (string.IsNullOrEmpty(arn) || !arn.StartsWith("arn:aws:sqs:", StringComparison.Ordinal))
                throw SqsErrors.InvalidAttributeValue("Value for parameter RedrivePolicy is invalid. Reason: Redrive policy does not contain a valid deadLetterTargetArn.");
            if (!hasCount || count is < 1 or > 1000)
                throw SqsErrors.InvalidAttributeValue("Value for parameter RedrivePolicy is invalid. Reason: Redrive policy maxReceiveCount must be an integer from 1 to 1000.");
            return new RedrivePolicy(arn, count);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw SqsErrors.InvalidAttributeValue("Value for parameter RedrivePolicy is invalid. Reason: Invalid JSON.");
        }
    }
}
