using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Capacity;

public sealed class CapacityPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_SeedExample_Gives720000ADayAnd25PerSecond()
    {
        var plan = CapacityPlanner.Plan(new CapacityRequest(1_000_000, 3, 5), Now);

        Assert.Equal(3_000_000, plan.TotalMails);
        Assert.Equal(720_000, plan.DailyQuota);
        Assert.Equal(25, plan.SendRate);
    }

    [Theory]
    [InlineData(10_000, 1, 1, 12_000, 1)]
    [InlineData(100, 1, 1, 120, 1)]
    [InlineData(1, 1, 1, 1, 1)]
    [InlineData(7, 1, 3, 2, 1)]
    [InlineData(1_000_000, 1, 1, 1_200_000, 42)]
    [InlineData(240_000, 1, 1, 288_000, 10)]
    public void Plan_VariousSizes_RoundsQuotaDownAndRateUp(long users, long mails, int days, long daily, long rate)
    {
        var plan = CapacityPlanner.Plan(new CapacityRequest(users, mails, days), Now);

        Assert.Equal((daily, rate), (plan.DailyQuota, plan.SendRate));
    }

    [Fact]
    public void SendRate_ManyQuotas_IsSmallestWholeRateThatFitsEightHours()
    {
        for (long daily = 1; daily < 2_000_000; daily += 9_973)
        {
            var rate = CapacityPlanner.SendRate(daily, 8m);
            Assert.True(rate * 28_800 >= daily, $"{rate}/s cannot send {daily} in 8 h");
            Assert.True((rate - 1) * 28_800 < daily, $"{rate}/s is more than {daily} needs");
        }
    }

    [Fact]
    public void Plan_Cost_UsesConfiguredPrices()
    {
        var request = new CapacityRequest(1_000_000, 3, 5, AttachmentBytesPerMail: 1024 * 1024, DedicatedIps: 2, DedicatedIpMonths: 2);

        var cost = CapacityPlanner.Plan(request, Now).Cost;

        Assert.Equal(300m, cost.Recipients);
        Assert.Equal(351.56m, cost.Attachments);
        Assert.Equal(99.80m, cost.DedicatedIps);
        Assert.Equal(751.36m, cost.Total);
    }

    [Fact]
    public void Plan_CustomPricesAndAssumptions_AreApplied()
    {
        var options = new CapacityOptions(SendingHours: 24m, Buffer: 1m, Prices: new SesPrices(1m, 0m, 10m));

        var plan = CapacityPlanner.Plan(new CapacityRequest(86_400, 1, 1, DedicatedIps: 1), Now, options);

        Assert.Equal((86_400L, 1L), (plan.DailyQuota, plan.SendRate));
        Assert.Equal(86.40m + 10m, plan.Cost.Total);
    }

    [Fact]
    public void Plan_QuotaTooSmall_ReportsBothShortfalls()
    {
        var request = new CapacityRequest(1_000_000, 3, 5, CurrentQuota: new AccountQuota(50_000, 14m));

        var check = CapacityPlanner.Plan(request, Now).Quota!;

        Assert.False(check.Sufficient);
        Assert.Equal(670_000, check.DailyShortfall);
        Assert.Equal(11m, check.RateShortfall);
        Assert.Contains("670,000", check.Reason);
    }

    [Fact]
    public void Plan_QuotaLargeEnough_IsSufficient()
    {
        var request = new CapacityRequest(1_000_000, 3, 5, CurrentQuota: new AccountQuota(1_000_000, 50m));

        var check = CapacityPlanner.Plan(request, Now).Quota!;

        Assert.True(check.Sufficient);
        Assert.Equal((0L, 0m), (check.DailyShortfall, check.RateShortfall));
    }

    [Fact]
    public void Plan_NoQuotaGiven_SkipsCheck()
    {
        Assert.Null(CapacityPlanner.Plan(new CapacityRequest(10, 1, 1), Now).Quota);
    }

    [Fact]
    public void Plan_SaleWithDedicatedIp_WarmsUpToDailyQuotaThenCampaigns()
    {
        var sale = Now.AddDays(60);

        var plan = CapacityPlanner.Plan(new CapacityRequest(1_000_000, 3, 5, DedicatedIps: 1, SaleAt: sale), Now);

        Assert.Equal(sale.AddDays(-28), plan.WarmupStartAt);
        var warmup = plan.Schedule.Where(d => d.Phase == SchedulePhase.Warmup).ToArray();
        var campaign = plan.Schedule.Where(d => d.Phase == SchedulePhase.Campaign).ToArray();
        Assert.Equal(28, warmup.Length);
        Assert.Equal(720_000, warmup[^1].Volume);
        Assert.Equal(sale.AddDays(-1), warmup[^1].StartsAt);
        Assert.Equal(5, campaign.Length);
        Assert.Equal(sale, campaign[0].StartsAt);
        Assert.All(campaign, d => Assert.Equal(600_000, d.Volume));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Plan_SaleTooCloseForWarmup_WarnsAndKeepsOnlyDaysBeforeSale()
    {
        var plan = CapacityPlanner.Plan(new CapacityRequest(1_000_000, 3, 5, DedicatedIps: 1, SaleAt: Now.AddDays(10)), Now);

        Assert.Equal(Now, plan.WarmupStartAt);
        Assert.Equal(10, plan.Schedule.Count(d => d.Phase == SchedulePhase.Warmup));
        Assert.Contains(plan.Warnings, w => w.Contains("four weeks"));
    }

    [Fact]
    public void Plan_NoDedicatedIps_HasNoWarmup()
    {
        var plan = CapacityPlanner.Plan(new CapacityRequest(10, 3, 4, SaleAt: Now.AddDays(3)), Now);

        Assert.Null(plan.WarmupStartAt);
        Assert.Equal([8L, 8, 7, 7], plan.Schedule.Select(d => d.Volume));
        Assert.All(plan.Schedule, d => Assert.Equal(SchedulePhase.Campaign, d.Phase));
    }

    [Fact]
    public void Plan_DedicatedIpWithoutSaleDate_WarmsUpFromNow()
    {
        var plan = CapacityPlanner.Plan(new CapacityRequest(100_000, 1, 1, DedicatedIps: 1), Now);

        Assert.Equal(Now, plan.WarmupStartAt);
        Assert.Equal(Now.AddDays(28), plan.Schedule.First(d => d.Phase == SchedulePhase.Campaign).StartsAt);
    }

    [Fact]
    public void Plan_DedicatedIpForTinyVolume_WarnsAndSkipsWarmup()
    {
        var plan = CapacityPlanner.Plan(new CapacityRequest(100, 1, 1, DedicatedIps: 1), Now);

        Assert.Null(plan.WarmupStartAt);
        Assert.Contains(plan.Warnings, w => w.Contains("shared pool"));
    }

    [Fact]
    public void Plan_ZeroAndNegativeInputs_NamesEveryField()
    {
        var request = new CapacityRequest(0, -3, 0, AttachmentBytesPerMail: -1, DedicatedIps: -1, DedicatedIpMonths: 0,
            CurrentQuota: new AccountQuota(-1, -1m));

        var error = Assert.Throws<DomainValidationException>(() => CapacityPlanner.Plan(request, Now));

        Assert.Equal(
            ["users", "mailsPerUser", "campaignDays", "attachmentBytesPerMail", "dedicatedIps", "dedicatedIpMonths", "max24HourSend", "maxSendRate"],
            error.Errors.Select(e => e.Field));
        Assert.Contains("users: must be greater than zero (was 0).", error.Message);
    }

    [Fact]
    public void Plan_BadOptions_AreRefused()
    {
        var options = new CapacityOptions(SendingHours: 0m, Buffer: 0.5m, Prices: new SesPrices(-1m));

        var error = Assert.Throws<DomainValidationException>(() => CapacityPlanner.Plan(new CapacityRequest(1, 1, 1), Now, options));

        Assert.Equal(["sendingHours", "buffer", "perThousandRecipients"], error.Errors.Select(e => e.Field));
    }
}
