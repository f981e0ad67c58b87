using System.Diagnostics;

namespace CampaignFlows.Sandbox.Sqs;

/// <summary>
/// One standard queue: visible messages in arrival order, hidden ones (in flight or delayed) in a heap by the
/// time they reappear; receivers long-poll on a signal that every send completes.
/// </summary>
/// <remarks>Visibility and waits run on real time (<see cref="Stopwatch"/>), never on a test clock.</remarks>
internal sealed partial class SqsQueue
{
    private readonly Lock _gate = new();
    private readonly LinkedList<SqsMessage> _visible = new();
    private readonly PriorityQueue<(SqsMessage Message, int Version), long> _hidden = new();
    private readonly Dictionary<string, SqsMessage> _inFlight = new(StringComparer.Ordinal);
    private TaskCompletionSource _arrived = NewSignal();

    public SqsQueue(string region, string accountId, string name, QueueAttributes attributes, long createdAtSeconds)
    {
        Region = region;
        AccountId = accountId;
        Name = name;
        Arn = $"arn:aws:sqs:{region}:{accountId}:{name}";
        Attributes = attributes;
        CreatedAtSeconds = createdAtSeconds;
    }

    public string Region { get; }

    public string AccountId { get; }

    public string Name { get; }

    public string Arn { get; }

    public QueueAttributes Attributes { get; set; }

    public long CreatedAtSeconds { get; }

    /// <summary>Where redriven messages go; resolved by the registry from the redrive policy's ARN.</summary>
    public Func<string, SqsQueue?> FindByArn { get; set; } = _ => null;

    public SqsMessage Send(string body, int? delaySeconds, Dictionary<string, MessageAttributeValue>? attributes, string senderId, long sentAtMs)
    {
        var message = new SqsMessage(Guid.NewGuid().ToString(), body, attributes, senderId, sentAtMs);
        Add(message, delaySeconds ?? Attributes.DelaySeconds);
        return message;
    }

    public void Purge()
    {
        lock (_gate)
        {
            foreach (var m in _visible) m.Deleted = true;
            foreach (var (m, _) in _hidden.UnorderedItems) m.Message.Deleted = true;
            _visible.Clear();
            _hidden.Clear();
            _inFlight.Clear();
        }
    }

    public (int Visible, int InFlight, int Delayed) Counts()
    {
        lock (_gate)
        {
            var inFlight = 0;
            var delayed = 0;
            foreach (var ((m, version), _) in _hidden.UnorderedItems)
            {
                if (m.Deleted || version != m.Version) continue;
                if (m.Delayed) delayed++;
                else inFlight++;
            }
            var visible = 0;
            foreach (var m in _visible) if (!m.Deleted) visible++;
            return (visible, inFlight, delayed);
        }
    }

    private void Add(SqsMessage message, int delaySeconds)
    {
        lock (_gate)
        {
            if (delaySeconds > 0)
            {
                message.Delayed = true;
                Hide(message, Stopwatch.GetTimestamp() + delaySeconds * Stopwatch.Frequency);
            }
            else _visible.AddLast(message);
            Signal();
        }
    }

    private void Hide(SqsMessage message, long visibleAt)
    {
        message.VisibleAt = visibleAt;
        message.Version++;
        _hidden.Enqueue((message, message.Version), visibleAt);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
