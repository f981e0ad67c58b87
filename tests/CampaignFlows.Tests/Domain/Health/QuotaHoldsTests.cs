using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Health;

public sealed class QuotaHoldsTests
{
    private static readonly StreamDemand Transactional = new("transactional", 100, 2_000);
    private static readonly StreamDemand Marketing = new("marketing", 10, 80_000);
    private static readonly StreamDemand Newsletter = new("newsletter", 1, 500);

    [Fact]
    public void Choose_BelowAlertShare_HoldsNothing()
    {
        Assert.Empty(QuotaHolds.Choose([Transactional, Marketing], new AccountQuota(100_000, 10m, 89_999)));
    }

    [Fact]
    public void Choose_NearQuota_HoldsLowestPriorityThatDoesNotFit()
    {
        var held = QuotaHolds.Choose([Newsletter, Transactional, Marketing], new AccountQuota(100_000, 10m, 90_000));

        Assert.Equal(["newsletter", "marketing"], held);
    }

    [Fact]
    public void Choose_LowPriorityFits_HoldsNothing()
    {
        var held = QuotaHolds.Choose([Transactional, Newsletter], new AccountQuota(100_000, 10m, 95_000));

        Assert.Empty(held);
    }

    [Fact]
    public void Choose_TopPriorityOverQuota_IsNeverHeld()
    {
        var held = QuotaHolds.Choose([Transactional with { Pending = 1_000_000 }, Newsletter], new AccountQuota(100_000, 10m, 99_000));

        Assert.Equal(["newsletter"], held);
    }

    [Fact]
    public void Choose_QuotaExhausted_HoldsEverythingButTop()
    {
        var held = QuotaHolds.Choose([Transactional, Marketing, Newsletter], new AccountQuota(100, 1m, 100));

        Assert.Equal(["newsletter", "marketing"], held);
    }

    [Fact]
    public void Choose_NoStreams_HoldsNothing()
    {
        Assert.Empty(QuotaHolds.Choose([], new AccountQuota(100, 1m, 100)));
    }
}
