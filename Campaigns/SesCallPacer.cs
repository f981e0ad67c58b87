namespace CampaignFlows.Campaigns;

/// <summary>
/// Spaces one host's SES send calls so that SES, counting recipients per second at the moment each call arrives,
/// never sees more than the account's rate in any one-second window.
/// </summary>
/// <remarks>
/// <para>The engine's flow gate meters sends when it hands them to a worker; the call reaches SES later, after the
/// batch is claimed and the request written, and that delay varies (a busy database, a garbage collection). Calls
/// admitted a second apart by the gate can therefore arrive less than a second apart, and SES throttles the later one.</para>
/// <para>This pacer meters at the last moment instead, and without having to guess the delay: a call counts in the window
/// from the moment it is started (the earliest it can arrive) until one second after its answer came back (by then it
/// has certainly arrived and been counted). A call starts only when the calls still counted leave room for it, so for
/// any two calls one second-window at SES cannot hold both unless the pacer counted them together. The cost is one
/// round trip per second of sending, and none at all when calls are not back to back.</para>
/// <para>It paces one process; several hosts sharing an account are held to the rate together by the engine's gate,
/// and the small jitter between them is what a throttle, re-queued without spending an attempt, absorbs.</para>
/// <para>It keeps time by the clock given, the real one unless a test gives another: SES's window is one of real
/// seconds, whatever clock the rest of the host runs on.</para>
/// </remarks>
public sealed class SesCallPacer(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, AccountWindow> _accounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits until a call carrying <paramref name="recipients"/> fits the account's window at <paramref name="perSecond"/>
    /// (the last rate given for the account when null; no waiting when no rate is known) and counts it as started.
    /// Dispose the answer when SES has answered.
    /// </summary>
    public async ValueTask<Call> StartAsync(string account, int recipients, double? perSecond, CancellationToken cancellation)
    {
        var window = Window(account);
        while (true)
        {
            Task changed;
            TimeSpan wait;
            lock (window)
            {
                if (perSecond is { } given) window.Rate = given;
                var now = _clock.GetTimestamp();
                window.Evict(now);
                if (window.Rate is not { } rate || window.Counted == 0 || window.Counted + recipients <= rate + 1e-9)
                    return new Call(window, window.Start(recipients));
                changed = window.Changed.Task;
                wait = window.UntilRoom(now, recipients, rate);
            }
            await Task.WhenAny(changed, Task.Delay(wait, _clock, cancellation)).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
        }
    }

    private AccountWindow Window(string account)
    {
        lock (_accounts)
        {
            if (!_accounts.TryGetValue(account, out var window)) _accounts[account] = window = new AccountWindow(_clock);
            return window;
        }
    }

    /// <summary>A started call; disposing it marks its answer, and it leaves the window one second later.</summary>
    public readonly struct Call : IDisposable
    {
        private readonly AccountWindow? _window;
        private readonly Entry? _entry;

        internal Call(AccountWindow window, Entry entry) => (_window, _entry) = (window, entry);

        /// <inheritdoc />
        public void Dispose()
        {
            if (_window is null || _entry is null) return;
            _window.Finish(_entry);
        }
    }

    internal sealed class Entry(int recipients)
    {
        public int Recipients { get; } = recipients;
        public bool Answered { get; set; }
    }

    internal sealed class AccountWindow(TimeProvider clock)
    {
        private readonly long _oneSecond = clock.TimestampFrequency;
        /// <summary>Answered calls in the order their answers came back, so the oldest leaves first.</summary>
        private readonly Queue<(long AnsweredAt, int Recipients)> _answered = new();

        public double? Rate { get; set; }
        /// <summary>Recipients of calls in flight and of calls answered within the last second.</summary>
        public long Counted { get; private set; }
        public TaskCompletionSource Changed { get; private set; } = NewSignal();

        public Entry Start(int recipients)
        {
            Counted += recipients;
            return new Entry(recipients);
        }

        public void Finish(Entry entry)
        {
            TaskCompletionSource signal;
            lock (this)
            {
                if (entry.Answered) return;
                entry.Answered = true;
                _answered.Enqueue((clock.GetTimestamp(), entry.Recipients));
                signal = Changed;
                Changed = NewSignal();
            }
            signal.TrySetResult();
        }

        /// <summary>Drops calls answered more than a second ago.</summary>
        public void Evict(long now)
        {
            while (_answered.TryPeek(out var oldest) && now - oldest.AnsweredAt >= _oneSecond)
            {
                _answered.Dequeue();
                Counted -= oldest.Recipients;
            }
        }

        /// <summary>How long until enough answered calls leave the window (calls in flight wake the waiter when answered).</summary>
        public TimeSpan UntilRoom(long now, int recipients, double rate)
        {
            var excess = Counted + recipients - rate;
            long freed = 0;
            foreach (var (answeredAt, count) in _answered)
            {
                freed += count;
                if (freed >= excess) return Wait(answeredAt + _oneSecond - now);
            }
            // Not enough answered calls: wait for an answer (the signal), looking again at least every 50 ms.
            return TimeSpan.FromMilliseconds(50);
        }

        private TimeSpan Wait(long timestampTicks) =>
            TimeSpan.FromSeconds(Math.Max(timestampTicks, 0) / (double)_oneSecond) + TimeSpan.FromMilliseconds(1);

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
