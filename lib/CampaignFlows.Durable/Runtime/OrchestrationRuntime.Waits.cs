using CampaignFlows.Durable.History;

namespace CampaignFlows.Durable.Runtime;

internal sealed partial class OrchestrationRuntime
{
    private readonly List<HistoryEvent> _buffered = [];
    private readonly List<(string Name, TaskCompletionSource<string?> Waiter)> _waiters = [];

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var index = _buffered.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var e = _buffered[index];
            _buffered.RemoveAt(index);
            return Task.FromResult(ReadEvent<T>(eventName, e.Data));
        }
        var waiter = new TaskCompletionSource<string?>();
        _waiters.Add((eventName, waiter));
        if (cancellationToken.CanBeCanceled)
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return Read(waiter.Task);

        async Task<T> Read(Task<string?> raw) => ReadEvent<T>(eventName, await raw);
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var received = WaitForExternalEvent<T>(eventName, race.Token);
        if (received.IsCompleted) return await received;
        var timer = CreateTimer(CurrentUtcDateTime + timeout, race.Token);
        var first = await Task.WhenAny(received, timer);
        race.Cancel();
        if (first == received || received.IsCompletedSuccessfully) return await received;
        cancellationToken.ThrowIfCancellationRequested();
        throw new TaskCanceledException($"No '{eventName}' event arrived within {timeout} for orchestration '{Name}' ({InstanceId}).");
    }

    private T ReadEvent<T>(string eventName, string? json) =>
        JsonPayload.Deserialize<T>(json, $"the payload of event '{eventName}' for orchestration '{Name}' ({InstanceId})")!;

    /// <summary>Hands an event to the oldest live waiter for its name, or buffers it until someone waits.</summary>
    private void Deliver(HistoryEvent e)
    {
        for (var i = 0; i < _waiters.Count; i++)
        {
            var (name, waiter) = _waiters[i];
            if (waiter.Task.IsCompleted)
            {
                _waiters.RemoveAt(i--);
                continue;
            }
            if (!string.Equals(name, e.Name, StringComparison.OrdinalIgnoreCase)) continue;
            _waiters.RemoveAt(i);
            waiter.TrySetResult(e.Data);
            return;
        }
        _buffered.Add(e);
    }
}
