using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Warmup;

public sealed class WarmupTimelineTests
{
    private static readonly DateTimeOffset Sale = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(35, 0)]
    [InlineData(28, 0)]
    [InlineData(21, 25)]
    [InlineData(14, 50)]
    [InlineData(7, 75)]
    [InlineData(0, 100)]
    [InlineData(-3, 100)]
    public void PercentAt_WeeksBeforeSale_FollowsTimeline(int daysBefore, int expected)
    {
        Assert.Equal(expected, WarmupTimeline.PercentAt(Sale, Sale.AddDays(-daysBefore)));
    }

    [Fact]
    public void PercentAt_HalfwayThroughAWeek_IsLinearWithinTheWeek()
    {
        Assert.Equal(12.5m, WarmupTimeline.PercentAt(Sale, Sale.AddDays(-24.5)));
    }

    [Fact]
    public void PercentAt_EveryHourOfTheWindow_NeverDecreases()
    {
        var previous = -1m;
        for (var hour = -28 * 24 - 5; hour <= 5; hour++)
        {
            var percent = WarmupTimeline.PercentAt(Sale, Sale.AddHours(hour));
            Assert.InRange(percent, previous, 100m);
            previous = percent;
        }
    }

    [Fact]
    public void LatestStart_Sale_IsFourWeeksBefore()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 0, 0, 0, TimeSpan.Zero), WarmupTimeline.LatestStart(Sale));
    }

    [Theory]
    [InlineData(1, 3.57)]
    [InlineData(7, 25)]
    [InlineData(28, 100)]
    [InlineData(40, 100)]
    public void PercentAfterDay_PlanDay_IsShareOfPlan(int day, double expected)
    {
        Assert.Equal((decimal)expected, WarmupTimeline.PercentAfterDay(day, 28));
    }
}
