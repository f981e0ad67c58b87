using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Messages;

public sealed class DebounceWindowTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 11, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]
    [InlineData(4_999, true)]
    [InlineData(5_000, false)]
    [InlineData(60_000, false)]
    [InlineData(-1, false)]
    public void IsRepeat_DefaultWindow_CoversFiveSecondsFromFirstArrival(int afterMs, bool repeat)
    {
        Assert.Equal(repeat, DebounceWindow.Default.IsRepeat(First, First.AddMilliseconds(afterMs)));
    }

    [Fact]
    public void IsRepeat_CustomWindow_IsApplied()
    {
        Assert.True(new DebounceWindow(TimeSpan.FromMinutes(1)).IsRepeat(First, First.AddSeconds(30)));
    }
}
