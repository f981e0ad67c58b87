namespace CampaignFlows.Reliability.Tests.Crashes;

public sealed class DuplicateTimingTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    private static readonly KillWindow[] Kills = [new(At(20), At(20.05)), new(At(41.6), At(41.65))];

    [Fact]
    public void Of_SendAcceptedAfterTheSignalBeforeTheRestart_IsLedAgainstThatKillNotTheNext()
    {
        var timing = DuplicateTiming.Of([(At(20.0098), "a@example.com"), (At(21.6), "a@example.com")], Kills);

        Assert.Equal([-10.0], timing.LeadMs);
        Assert.Equal(0, timing.WithinOneLife);
    }

    [Fact]
    public void Of_RepeatsWithoutAKillBetween_AreCountedWithinOneLife()
    {
        var timing = DuplicateTiming.Of(
        [
            (At(5), "b@example.com"), (At(10), "b@example.com"),
            (At(7), "c@example.com"),
            (At(19.99), "e@example.com"), (At(21), "e@example.com"),
            (At(45), "d@example.com"), (At(46), "d@example.com"),
        ], Kills);

        Assert.Equal([10.0, 15_000.0], timing.LeadMs);
        Assert.Equal(2, timing.WithinOneLife);
    }
}
