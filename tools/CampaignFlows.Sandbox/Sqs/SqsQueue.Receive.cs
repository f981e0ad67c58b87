using System.Diagnostics;

namespace CampaignFlows.Sandbox.Sqs;

internal sealed partial class SqsQueue
{
    /// <summary>Takes up to <paramref name="max"/> messages, waiting up to <paramref name="wait"/> for the first.</summary>
    public async Task<List<SqsMessage>> ReceiveAsync(int max, int visibilitySeconds, TimeSpan wait, long nowMs, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task arrived;
            long wakeAt;
            List<SqsMessage> taken;
            List<SqsMessage>? redriven;
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                taken = Take(max, visibilitySeconds, now, nowMs, out redriven);
                arrived = _arrived.Task;
                wakeAt = _hidden.TryPeek(out _, out var nextVisible) ? Math.Min(deadline, nextVisible) : deadline;
            }
            if (redriven is not null) Redrive(redriven);
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), wakeAt);
            if (taken.Count > 0 || Stopwatch.GetTimestamp() >= deadline) return taken;
            if (remaining > TimeSpan.Zero)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = Task.Delay(remaining, timeout.Token);
                await Task.WhenAny(arrived, delay).ConfigureAwait(false);
                await timeout.CancelAsync().ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private List<SqsMessage> Take(int max, int visibilitySeconds, long now, long nowMs, out List<SqsMessage>? redriven)
    {
        redriven = null;
        Reveal(now);
        var redrive = Attributes.Redrive;
        var taken = new List<SqsMessage>(Math.Min(max, _visible.Count));
        while (taken.Count < max && _visible.First is { } node)
        {
            var message = node.Value;
            _visible.RemoveFirst();
            if (message.Deleted) continue;
            if (redrive is not null && message.ReceiveCount >= redrive.MaxReceiveCount)
            {
                message.Deleted = true;
                (redriven ??= []).Add(message);
                continue;
            }
            message.ReceiveCount++;
            if (message.FirstReceivedAtMs == 0) message.FirstReceivedAtMs = nowMs;
            if (message.ReceiptHandle is not null) _inFlight.Remove(message.ReceiptHandle);
            message.ReceiptHandle = ReceiptHandles.New(message.MessageId);
            _inFlight[message.ReceiptHandle] = message;
            Hide(message, now + visibilitySeconds * Stopwatch.Frequency);
            taken.Add(message);
        }
        return taken;
    }

    /// <summary>Moves messages whose visibility timeout or delay ran out back to the visible list.</summary>
    private void Reveal(long now)
    {
        while (_hidden.TryPeek(out var entry, out var visibleAt) && visibleAt <= now)
        {
            _hidden.Dequeue();
            var message = entry.Message;
            if (message.Deleted || entry.Version != message.Version) continue;
            message.Delayed = false;
            _visible.AddLast(message);
        }
    }

    private void Redrive(List<SqsMessage> messages)
    {
        var target = Attributes.Redrive is { } policy ? FindByArn(policy.DeadLetterTargetArn) : null;
        if (target is null) return;
        foreach (var m in messages)
            target.Add(new SqsMessage(m.MessageId, m.Body, m.MessageAttributes, m.SenderId, m.SentAtMs), 0);
    }
}
