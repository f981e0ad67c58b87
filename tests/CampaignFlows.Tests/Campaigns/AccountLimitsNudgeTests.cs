using CampaignFlows.Campaigns;
using CampaignFlows.Durable.Testing;

namespace CampaignFlows.Tests.Campaigns;

public sealed class AccountLimitsNudgeTests
{
    [Fact]
    public void Request_SameAccountWithinTheInterval_IsQueuedOnce()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var nudge = new AccountLimitsNudge(clock);

        Assert.True(nudge.Request("primary"));
        Assert.False(nudge.Request("PRIMARY"));
        Assert.True(nudge.Request("backup"));
        clock.Advance(AccountLimitsNudge.MinimumInterval);
        Assert.True(nudge.Request("primary"));
    }

    [Fact]
    public void UnreadAtStart_IsTakenOnceForTheFirstRound()
    {
        var nudge = new AccountLimitsNudge(TimeProvider.System);
        nudge.UnreadAtStart("primary");
        nudge.UnreadAtStart("backup");

        Assert.Equal(["primary", "backup"], nudge.TakeUnreadAtStart());
        Assert.Empty(nudge.TakeUnreadAtStart());
    }
}
