using System.Collections.Concurrent;

namespace CampaignFlows.Sandbox;

/// <summary>The most recent sent messages, bounded; appends never block each other.</summary>
internal sealed class MessageLog(int capacity)
{
    private readonly ConcurrentQueue<SentMessage> _messages = new();
    private int _count;

    public void Add(SentMessage message)
    {
        if (capacity == 0) return;
        _messages.Enqueue(message);
        if (Interlocked.Increment(ref _count) > capacity && _messages.TryDequeue(out _)) Interlocked.Decrement(ref _count);
    }

    public IReadOnlyList<SentMessage> Snapshot() => [.. _messages];

    public void Clear()
    {
        while (_messages.TryDequeue(out _)) Interlocked.Decrement(ref _count);
    }
}
