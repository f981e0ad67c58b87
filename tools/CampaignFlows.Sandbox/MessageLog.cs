namespace CampaignFlows.Sandbox;

/// <summary>The most recent sent messages, bounded: a ring of compact entries, grown on demand up to its capacity.</summary>
/// <remarks>
/// At benchmark rates tens of thousands of messages a second pass through the log, each living just long enough to be
/// promoted by the collector. Entries are therefore structs in one array, holding only what the sender's request
/// already allocated (the id is kept as its sequence number); <see cref="SentMessage"/> records are built on
/// <see cref="Snapshot"/>. The lock is held for a slot copy only.
/// </remarks>
internal sealed class MessageLog(int capacity)
{
    private const int InitialSlots = 1024;
    private readonly Lock _gate = new();
    private LoggedMessage[] _slots = [];
    private int _start;
    private int _count;

    public void Add(in LoggedMessage message)
    {
        if (capacity == 0) return;
        lock (_gate)
        {
            if (_count == _slots.Length && _slots.Length < capacity) Grow();
            if (_count < _slots.Length)
            {
                _slots[(_start + _count) % _slots.Length] = message;
                _count++;
            }
            else
            {
                _slots[_start] = message;
                _start = (_start + 1) % _slots.Length;
            }
        }
    }

    public IReadOnlyList<SentMessage> Snapshot()
    {
        LoggedMessage[] copy;
        lock (_gate)
        {
            copy = new LoggedMessage[_count];
            for (var i = 0; i < _count; i++) copy[i] = _slots[(_start + i) % _slots.Length];
        }
        return Array.ConvertAll(copy, m => m.ToSentMessage());
    }

    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_slots);
            (_start, _count) = (0, 0);
        }
    }

    private void Grow()
    {
        var grown = new LoggedMessage[Math.Min(capacity, Math.Max(InitialSlots, _slots.Length * 2))];
        for (var i = 0; i < _count; i++) grown[i] = _slots[(_start + i) % _slots.Length];
        (_slots, _start) = (grown, 0);
    }
}
