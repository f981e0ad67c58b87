using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Accounts;

public sealed class CircuitBreakerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Closed_AnyTime_Allows()
    {
        Assert.Equal(BreakerState.Closed, CircuitBreaker.Closed.StateAt(T0));
        Assert.True(CircuitBreaker.Closed.Allows(T0));
    }

    [Theory]
    [InlineData(BreakerTrip.Paused, 15)]
    [InlineData(BreakerTrip.Suspended, 60)]
    [InlineData(BreakerTrip.ErrorRate, 1)]
    [InlineData(BreakerTrip.QuotaExhausted, 15)]
    public void Open_Trip_StaysOpenForItsCoolDownThenHalfOpens(BreakerTrip trip, int minutes)
    {
        var breaker = CircuitBreaker.Closed.Open(trip, "test", T0);

        Assert.Equal(BreakerState.Open, breaker.StateAt(T0.AddMinutes(minutes).AddTicks(-1)));
        Assert.False(breaker.Allows(T0.AddMinutes(minutes).AddTicks(-1)));
        Assert.Equal(BreakerState.HalfOpen, breaker.StateAt(T0.AddMinutes(minutes)));
        Assert.True(breaker.Allows(T0.AddMinutes(minutes)));
    }

    [Fact]
    public void Open_QuotaExhaustedWithFreeTime_OpensUntilQuotaFrees()
    {
        var frees = T0.AddHours(7);

        var breaker = CircuitBreaker.Closed.Open(BreakerTrip.QuotaExhausted, "Daily message quota exceeded", T0, frees);

        Assert.Equal(frees, breaker.RetryAt);
        Assert.False(breaker.Allows(frees.AddSeconds(-1)));
        Assert.True(breaker.Allows(frees));
    }

    [Fact]
    public void StartProbe_HalfOpen_BlocksOtherSendsUntilProbeTimesOut()
    {
        var open = CircuitBreaker.Closed.Open(BreakerTrip.Paused, "paused", T0);
        var at = T0.AddMinutes(15);

        var probing = open.StartProbe(at);

        Assert.False(probing.Allows(at.AddSeconds(30)));
        Assert.True(probing.Allows(at.AddMinutes(2)));
    }

    [Fact]
    public void StartProbe_WhileOpen_Throws()
    {
        var open = CircuitBreaker.Closed.Open(BreakerTrip.Paused, "paused", T0);

        var error = Assert.Throws<InvalidOperationException>(() => open.StartProbe(T0.AddMinutes(1)));

        Assert.Contains("Open", error.Message);
    }

    [Fact]
    public void RecordSuccess_AfterProbe_Closes()
    {
        var probing = CircuitBreaker.Closed.Open(BreakerTrip.ErrorRate, "errors", T0).StartProbe(T0.AddMinutes(1));

        var closed = probing.RecordSuccess();

        Assert.Equal(BreakerState.Closed, closed.StateAt(T0.AddMinutes(1)));
        Assert.Equal(0, closed.ConsecutiveTrips);
    }

    [Fact]
    public void Open_RepeatedTripsWithoutSuccess_DoublesCoolDownUpToCap()
    {
        var breaker = CircuitBreaker.Closed;
        var now = T0;
        var coolDowns = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            breaker = breaker.Open(BreakerTrip.ErrorRate, "errors", now);
            coolDowns.Add(breaker.RetryAt!.Value - now);
            now = breaker.RetryAt.Value;
        }

        Assert.Equal(TimeSpan.FromMinutes(1), coolDowns[0]);
        Assert.Equal(TimeSpan.FromMinutes(2), coolDowns[1]);
        Assert.Equal(TimeSpan.FromMinutes(4), coolDowns[2]);
        Assert.Equal(TimeSpan.FromHours(4), coolDowns[^1]);
        Assert.True(coolDowns.Zip(coolDowns.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void Open_HundredsOfTripsOfEveryKind_StayCapped()
    {
        foreach (var trip in Enum.GetValues<BreakerTrip>())
        {
            var breaker = CircuitBreaker.Closed;
            for (var i = 0; i < 300; i++)
            {
                breaker = breaker.Open(trip, "again", T0);
            }

            Assert.Equal(T0.AddHours(4), breaker.RetryAt);
        }
    }

    [Fact]
    public void Open_CustomCoolDowns_AreApplied()
    {
        var options = new BreakerOptions(PausedCoolDown: TimeSpan.FromSeconds(5));

        var breaker = CircuitBreaker.Closed.Open(BreakerTrip.Paused, "paused", T0, options: options);

        Assert.Equal(T0.AddSeconds(5), breaker.RetryAt);
    }
}
