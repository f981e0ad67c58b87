namespace CampaignFlows.Sandbox.Ses;

/// <summary>What <see cref="SendLimiter.TryAcquire"/> decided.</summary>
internal enum SendDecision
{
    Accepted,
    RateExceeded,
    QuotaExceeded,
}

/// <summary>
/// Enforces MaxSendRate over every sliding one-second window and Max24HourSend over the rolling 24 hours,
/// and keeps the per-second histogram of accepted recipients.
/// </summary>
/// <remarks>
/// One short lock per account: exactness under concurrency needs the check and the record to be one step,
/// and the work inside is amortised O(1), so it stays far below the cost of the HTTP request around it.
/// </remarks>
internal sealed class SendLimiter(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Ticks, int Count)> _lastSecond = new();
    private readonly Queue<(long Second, long Count)> _perSecond = new();
    private long _inLastSecond;
    private long _inLast24Hours;
    private long _maxInAnySecond;
    private long _currentSecond;
    private long _currentCount;

    /// <summary>Accepts or refuses <paramref name="recipients"/>; <paramref name="acceptedAt"/> is the instant the window counted them at.</summary>
    public SendDecision TryAcquire(int recipients, double maxSendRate, double max24HourSend, out DateTimeOffset acceptedAt)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow().UtcTicks;
            acceptedAt = new DateTimeOffset(now, TimeSpan.Zero);
            Evict(now);
            if (_inLast24Hours + recipients > max24HourSend) return SendDecision.QuotaExceeded;
            if (_inLastSecond + recipients > maxSendRate) return SendDecision.RateExceeded;
            _lastSecond.Enqueue((now, recipients));
            _inLastSecond += recipients;
            _inLast24Hours += recipients;
            _maxInAnySecond = Math.Max(_maxInAnySecond, _inLastSecond);
            var second = now / TimeSpan.TicksPerSecond;
            if (second != _currentSecond)
            {
                if (_currentCount > 0) _perSecond.Enqueue((_currentSecond, _currentCount));
                (_currentSecond, _currentCount) = (second, 0);
            }
            _currentCount += recipients;
            return SendDecision.Accepted;
        }
    }

    public long SentLast24Hours
    {
        get
        {
            lock (_gate)
            {
                Evict(clock.GetUtcNow().UtcTicks);
                return _inLast24Hours;
            }
        }
    }

    public long MaxInAnySecond
    {
        get { lock (_gate) return _maxInAnySecond; }
    }

    public IReadOnlyList<KeyValuePair<DateTimeOffset, long>> PerSecond()
    {
        lock (_gate)
            return [.. _perSecond.Append((_currentSecond, _currentCount)).Where(p => p.Item2 > 0)
                .Select(p => KeyValuePair.Create(new DateTimeOffset(p.Item1 * TimeSpan.TicksPerSecond, TimeSpan.Zero), p.Item2))];
    }

    public void Reset()
    {
        lock (_gate)
        {
            _lastSecond.Clear();
            _perSecond.Clear();
            _inLastSecond = 0;
            _inLast24Hours = 0;
            _maxInAnySecond = 0;
            _currentCount = 0;
        }
    }

    private void Evict(long now)
    {
        while (_lastSecond.TryPeek(out var oldest) && oldest.Ticks <= now - TimeSpan.TicksPerSecond)
        {
            _lastSecond.Dequeue();
            _inLastSecond -= oldest.Count;
        }
        var firstSecondOfDay = (now - TimeSpan.TicksPerDay) / TimeSpan.TicksPerSecond;
        while (_perSecond.TryPeek(out var bucket) && bucket.Second <= firstSecondOfDay)
        {
            _perSecond.Dequeue();
            _inLast24Hours -= bucket.Count;
        }
        if (_currentCount > 0 && _currentSecond <= firstSecondOfDay)
        {
            _inLast24Hours -= _currentCount;
            _currentCount = 0;
        }
    }
}
