using System.Collections.Concurrent;
using CampaignFlows.Durable.Testing;

namespace CampaignFlows.Cli.WarmupSim;

/// <summary>
/// The simulation's clock: a <see cref="ManualTimeProvider"/> that also knows when its timers are due, so the driver can
/// tell that the daily-step trigger has armed for the step time before moving the clock onto it.
/// </summary>
/// <param name="start">Where the clock starts.</param>
public sealed class WarmupSimTime(DateTimeOffset start) : TimeProvider
{
    private readonly ManualTimeProvider _inner = new(start);
    private readonly ConcurrentDictionary<WatchedTimer, DateTimeOffset> _due = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var watched = new WatchedTimer(this);
        watched.Inner = _inner.CreateTimer(_ => watched.Fire(callback, state), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        watched.Change(dueTime, period);
        return watched;
    }

    /// <summary>Moves the clock forward and fires what fell due.</summary>
    public void Advance(TimeSpan step) => _inner.Advance(step);

    /// <summary>Sets the clock (never back) and fires what fell due.</summary>
    public void SetUtcNow(DateTimeOffset value) => _inner.SetUtcNow(value);

    /// <summary>True when some timer is due exactly at <paramref name="at"/>.</summary>
    public bool HasTimerDueAt(DateTimeOffset at) => _due.Values.Any(due => due == at);

    private sealed class WatchedTimer(WarmupSimTime clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public void Fire(TimerCallback callback, object? state)
        {
            if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero) clock._due.TryRemove(this, out _);
            else clock._due[this] = clock.GetUtcNow() + _period;
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            if (dueTime == Timeout.InfiniteTimeSpan) clock._due.TryRemove(this, out _);
            else clock._due[this] = clock.GetUtcNow() + dueTime;
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock._due.TryRemove(this, out _);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
