using CampaignFlows.Sandbox.Ses;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests.Unit;

public sealed class SendLimiterTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void TryAcquire_WithinRate_AcceptsAndRecordsTheAcceptInstant()
    {
        var limiter = new SendLimiter(_clock);

        Assert.Equal(SendDecision.Accepted, limiter.TryAcquire(3, 5, 100, out var at));
        Assert.Equal(_clock.GetUtcNow(), at);
        Assert.Equal(3, limiter.SentLast24Hours);
    }

    [Fact]
    public void TryAcquire_CallWouldPassTheRate_RefusesTheWholeCall()
    {
        var limiter = new SendLimiter(_clock);
        limiter.TryAcquire(4, 5, 100, out _);

        Assert.Equal(SendDecision.RateExceeded, limiter.TryAcquire(2, 5, 100, out _));
        Assert.Equal(SendDecision.Accepted, limiter.TryAcquire(1, 5, 100, out _));
        Assert.Equal(5, limiter.MaxInAnySecond);
    }

    [Fact]
    public void TryAcquire_SlidingWindow_CountsSendsLessThanOneSecondApart()
    {
        var limiter = new SendLimiter(_clock);
        limiter.TryAcquire(3, 5, 100, out _);
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        limiter.TryAcquire(2, 5, 100, out _);
        _clock.Advance(TimeSpan.FromMilliseconds(600));

        Assert.Equal(SendDecision.RateExceeded, limiter.TryAcquire(4, 5, 100, out _));
        Assert.Equal(SendDecision.Accepted, limiter.TryAcquire(3, 5, 100, out _));
    }

    [Fact]
    public void TryAcquire_QuotaUsedUp_ReportsQuotaBeforeRate()
    {
        var limiter = new SendLimiter(_clock);
        limiter.TryAcquire(10, 10, 10, out _);

        Assert.Equal(SendDecision.QuotaExceeded, limiter.TryAcquire(1, 10, 10, out _));
    }

    [Fact]
    public void PerSecond_SendsInTwoSeconds_ReturnsOneBucketEach()
    {
        var limiter = new SendLimiter(_clock);
        limiter.TryAcquire(2, 50, 100, out _);
        limiter.TryAcquire(3, 50, 100, out _);
        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire(4, 50, 100, out _);

        Assert.Equal([5L, 4L], limiter.PerSecond().Select(b => b.Value));
    }

    [Fact]
    public void Reset_AfterSends_ClearsEveryCounter()
    {
        var limiter = new SendLimiter(_clock);
        limiter.TryAcquire(5, 5, 100, out _);
        limiter.Reset();

        Assert.Equal(0, limiter.SentLast24Hours);
        Assert.Equal(0, limiter.MaxInAnySecond);
        Assert.Empty(limiter.PerSecond());
        Assert.Equal(SendDecision.Accepted, limiter.TryAcquire(5, 5, 100, out _));
    }
}
