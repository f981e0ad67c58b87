using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Health;

public sealed class SlidingWindowCounterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
    private static readonly SendCounts OneSent = new(1, 1, 0, 0, 0);

    [Fact]
    public void Window_EventsInsideAndOutside_CountsOnlyInside()
    {
        var counter = new SlidingWindowCounter(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1))
            .Record(T0, new SendCounts(10, 9, 1, 2, 0))
            .Record(T0.AddSeconds(65), new SendCounts(5, 5, 0, 1, 1))
            .Record(T0.AddSeconds(130), new SendCounts(1, 1, 0, 0, 0));

        var window = counter.Window(T0.AddSeconds(131), TimeSpan.FromSeconds(80));

        Assert.Equal(new SendCounts(6, 6, 0, 1, 1), window);
    }

    [Fact]
    public void Record_SameBucketTwice_Adds()
    {
        var counter = new SlidingWindowCounter(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1))
            .Record(T0.AddSeconds(1), OneSent)
            .Record(T0.AddSeconds(59), OneSent);

        Assert.Single(counter.Buckets);
        Assert.Equal(2, counter.Window(T0.AddMinutes(1), TimeSpan.FromMinutes(1)).Sent);
    }

    [Fact]
    public void Record_IsImmutable()
    {
        var empty = new SlidingWindowCounter(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

        var recorded = empty.Record(T0, OneSent);

        Assert.Empty(empty.Buckets);
        Assert.Single(recorded.Buckets);
    }

    [Fact]
    public void Record_ManyEvents_KeepsOnlyRetention()
    {
        var counter = new SlidingWindowCounter(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
        for (var minute = 0; minute < 1_000; minute++)
        {
            counter = counter.Record(T0.AddMinutes(minute), OneSent);
        }

        Assert.Equal(10, counter.Buckets.Count);
        Assert.Equal(10, counter.Window(T0.AddMinutes(1_000), TimeSpan.FromHours(5)).Sent);
    }

    [Fact]
    public void Window_EveryLengthAndEnd_MatchesBruteForce()
    {
        var events = Enumerable.Range(0, 300).Select(i => (At: T0.AddSeconds(i * 7 % 1_800), Counts: new SendCounts(1, 1, i % 3 == 0 ? 1 : 0, i % 5 == 0 ? 1 : 0, 0))).ToArray();
        var counter = events.Aggregate(new SlidingWindowCounter(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)), (c, e) => c.Record(e.At, e.Counts));

        foreach (var endSeconds in new[] { 30, 300, 900, 1_800 })
        {
            foreach (var lengthSeconds in new[] { 30, 60, 300, 1_800 })
            {
                var end = T0.AddSeconds(endSeconds);
                var expected = events.Where(e => e.At >= end.AddSeconds(-lengthSeconds) && e.At < end).Aggregate(SendCounts.Zero, (s, e) => s + e.Counts);
                Assert.Equal(expected, counter.Window(end, TimeSpan.FromSeconds(lengthSeconds)));
            }
        }
    }

    [Fact]
    public void Windows_TwoConsecutive_OldestFirst()
    {
        var counter = new SlidingWindowCounter(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1))
            .Record(T0.AddMinutes(1), new SendCounts(10, 5, 5, 0, 0))
            .Record(T0.AddMinutes(6), new SendCounts(10, 10, 0, 0, 0));

        var windows = counter.Windows(T0.AddMinutes(10), TimeSpan.FromMinutes(5), 2);

        Assert.Equal([0.5m, 0m], windows.Select(w => w.ErrorRate));
    }

    [Fact]
    public void Constructor_BadSizes_NamesFields()
    {
        var error = Assert.Throws<DomainValidationException>(() => new SlidingWindowCounter(TimeSpan.Zero, TimeSpan.FromSeconds(-1)));

        Assert.Equal(["bucketSize", "retention"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Rates_NoSends_AreZero()
    {
        Assert.Equal((0m, 0m, 0m), (SendCounts.Zero.BounceRate, SendCounts.Zero.ComplaintRate, SendCounts.Zero.ErrorRate));
    }
}
