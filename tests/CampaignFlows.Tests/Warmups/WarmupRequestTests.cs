using CampaignFlows.Domain;
using CampaignFlows.Warmups;

namespace CampaignFlows.Tests.Warmups;

public sealed class WarmupRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly WarmupOptions Options = new();

    [Fact]
    public void ToSettings_ValidIpRequest_DerivesTheInstanceIdAndStartsNow()
    {
        var settings = new WarmupRequest(Ip: "192.0.2.1", TargetDailyVolume: 1_000_000, Audience: "fans.csv").ToSettings(Now, Options);

        Assert.Equal("warmup-192.0.2.1", settings.WarmupId);
        Assert.Equal(Now, settings.StartAt);
        Assert.Equal(WarmupModes.Plan, settings.Mode);
        Assert.Equal("warmup-192.0.2.1", settings.DedicatedConfigurationSet);
        Assert.Equal(TimeSpan.FromHours(26), settings.FallbackAfter);
        Assert.Null(settings.Warning);
    }

    [Fact]
    public void ToSettings_SaleFarAway_StartsFourWeeksBeforeTheSale()
    {
        var sale = Now.AddDays(40);

        var settings = new WarmupRequest(Pool: "sale-ips", TargetDailyVolume: 500_000, SaleDate: sale, Audience: "fans.csv").ToSettings(Now, Options);

        Assert.Equal("warmup-pool-sale-ips", settings.WarmupId);
        Assert.Equal(sale.AddDays(-28), settings.StartAt);
    }

    [Fact]
    public void ToSettings_SaleTooClose_StartsNowWithAWarning()
    {
        var settings = new WarmupRequest(Ip: "192.0.2.1", TargetDailyVolume: 1_000_000, SaleDate: Now.AddDays(10), Audience: "fans.csv").ToSettings(Now, Options);

        Assert.Equal(Now, settings.StartAt);
        Assert.Contains("less than the four weeks", settings.Warning);
    }

    [Theory]
    [InlineData(null, null, 1_000_000L, "a.csv", "plan", "ip")]
    [InlineData("192.0.2.1", "pool", 1_000_000L, "a.csv", "plan", "ip")]
    [InlineData("not-an-ip", null, 1_000_000L, "a.csv", "plan", "ip")]
    [InlineData("192.0.2.1", null, 499L, "a.csv", "plan", "targetDailyVolume")]
    [InlineData("192.0.2.1", null, -5L, "a.csv", "plan", "targetDailyVolume")]
    [InlineData("192.0.2.1", null, null, "a.csv", "plan", "targetDailyVolume")]
    [InlineData("192.0.2.1", null, 1_000_000L, null, "plan", "audience")]
    [InlineData("192.0.2.1", null, 1_000_000L, "a.csv", "fast", "mode")]
    public void ToSettings_BadField_IsRefusedByName(string? ip, string? pool, long? target, string? audience, string mode, string field)
    {
        var request = new WarmupRequest(Ip: ip, Pool: pool, TargetDailyVolume: target, Audience: audience, Mode: mode);

        var error = Assert.Throws<DomainValidationException>(() => request.ToSettings(Now, Options));

        Assert.Contains(error.Errors, e => e.Field == field);
    }

    [Fact]
    public void ToSettings_SaleInThePastAndNegativeGate_NamesBothFields()
    {
        var request = new WarmupRequest(Ip: "192.0.2.1", TargetDailyVolume: 1_000_000, Audience: "a.csv", SaleDate: Now.AddDays(-1),
            Gate: new WarmupGateRequest(BounceRateBelow: -0.1m));

        var error = Assert.Throws<DomainValidationException>(() => request.ToSettings(Now, Options));

        Assert.Contains(error.Errors, e => e.Field == "saleDate");
        Assert.Contains(error.Errors, e => e.Field == "gate.bounceRateBelow");
    }

    [Fact]
    public void ToSettings_StartAndSaleDateBoth_IsRefused()
    {
        var request = new WarmupRequest(Ip: "192.0.2.1", TargetDailyVolume: 1_000_000, Audience: "a.csv", StartDate: Now, SaleDate: Now.AddDays(40));

        var error = Assert.Throws<DomainValidationException>(() => request.ToSettings(Now, Options));

        Assert.Contains(error.Errors, e => e.Field == "startDate");
    }
}
