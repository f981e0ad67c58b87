using System.Collections.Concurrent;

namespace CampaignFlows.Sandbox.Sqs;

/// <summary>All queues, by region, account id and name; URLs look like <c>{sandbox}/{accountId}/{queueName}</c>.</summary>
internal sealed class QueueRegistry(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Region, string AccountId, string Name), SqsQueue> _queues = new();

    public SqsQueue GetOrCreate(string region, string accountId, string name, IReadOnlyDictionary<string, string>? attributes)
    {
        ValidateName(name);
        var parsed = QueueAttributes.Parse(attributes);
        var queue = _queues.GetOrAdd((region, accountId, name), k => new SqsQueue(k.Region, k.AccountId, k.Name, parsed, clock.GetUtcNow().ToUnixTimeSeconds()) { FindByArn = FindByArn });
        if (attributes is not null && queue.Attributes != parsed) throw SqsErrors.QueueNameExists(name);
        return queue;
    }

    public SqsQueue? Find(string region, string accountId, string name) => _queues.GetValueOrDefault((region, accountId, name));

    public SqsQueue? FindByArn(string arn)
    {
        // arn:aws:sqs:{region}:{accountId}:{name}
        var parts = arn.Split(':');
        return parts.Length == 6 ? Find(parts[3], parts[4], parts[5]) : null;
    }

    private static void ValidateName(string name)
    {
        if (name.Length is 0 or > 80 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw SqsErrors.InvalidParameterValue($"Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length. Got '{name}'.");
    }
}
