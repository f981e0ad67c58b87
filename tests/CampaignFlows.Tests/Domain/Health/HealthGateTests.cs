using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Health;

public sealed class HealthGateTests
{
    private static readonly SendCounts CleanWindow = new(Attempts: 1_000, Sent: 1_000, Errors: 0, Bounces: 0, Complaints: 0);

    private static HealthDecision Evaluate(SendCounts reputation, SendCounts[]? errors = null, AccountQuota? quota = null, HealthThresholds? thresholds = null) =>
        HealthGate.Evaluate(new HealthInputs(reputation, errors ?? [CleanWindow, CleanWindow], quota), thresholds);

    [Fact]
    public void Evaluate_CleanFigures_Continues()
    {
        var decision = Evaluate(new SendCounts(5_000, 5_000, 0, 40, 2));

        Assert.Equal(HealthAction.Continue, decision.Action);
        Assert.Empty(decision.Tripped);
        Assert.StartsWith("Healthy", decision.Reason);
        Assert.Equal(0.008m, decision.BounceRate);
    }

    [Fact]
    public void Evaluate_BounceAtFivePercent_PausesWithFigures()
    {
        var decision = Evaluate(new SendCounts(2_000, 2_000, 0, 100, 0));

        Assert.Equal(HealthAction.PauseCampaign, decision.Action);
        Assert.Contains("bounce rate 5% (100 of 2,000)", decision.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Evaluate_OneBounceInThreeSends_DoesNotPause()
    {
        Assert.Equal(HealthAction.Continue, Evaluate(new SendCounts(3, 3, 0, 1, 0)).Action);
    }

    [Fact]
    public void Evaluate_BounceRateJustBelowMinimumSample_NeverPauses()
    {
        for (long sent = 1; sent < 100; sent++)
        {
            Assert.Equal(HealthAction.Continue, Evaluate(new SendCounts(sent, sent, 0, sent, 0)).Action);
        }

        Assert.Equal(HealthAction.PauseCampaign, Evaluate(new SendCounts(100, 100, 0, 5, 0)).Action);
    }

    [Fact]
    public void Evaluate_ComplaintAtPointOnePercent_Pauses()
    {
        var decision = Evaluate(new SendCounts(10_000, 10_000, 0, 0, 10));

        Assert.Equal(HealthAction.PauseCampaign, decision.Action);
        Assert.Contains("complaint rate 0.1%", decision.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Evaluate_OneComplaintInFewMails_WaitsForComplaintSample()
    {
        Assert.Equal(HealthAction.Continue, Evaluate(new SendCounts(500, 500, 0, 0, 1)).Action);
    }

    [Fact]
    public void Evaluate_ErrorRateHighInTwoWindows_SwitchesAccount()
    {
        var bad = new SendCounts(200, 170, 30, 0, 0);

        var decision = Evaluate(CleanWindow, [CleanWindow, bad, bad]);

        Assert.Equal(HealthAction.SwitchAccount, decision.Action);
        Assert.Contains("15%, 15%", decision.Reason);
        Assert.Equal([0m, 0.15m, 0.15m], decision.ErrorRates);
    }

    [Fact]
    public void Evaluate_ErrorRateHighInOnlyTheLastWindow_Continues()
    {
        var bad = new SendCounts(200, 100, 100, 0, 0);

        Assert.Equal(HealthAction.Continue, Evaluate(CleanWindow, [CleanWindow, bad]).Action);
        Assert.Equal(HealthAction.Continue, Evaluate(CleanWindow, [bad]).Action);
    }

    [Fact]
    public void Evaluate_QuotaNinetyPercentUsed_HoldsLowPriority()
    {
        var decision = Evaluate(CleanWindow, quota: new AccountQuota(50_000, 14m, 45_000));

        Assert.Equal(HealthAction.HoldLowPriority, decision.Action);
        Assert.Equal(0.9m, decision.QuotaUsed);
        Assert.Contains("45,000 of 50,000", decision.Reason);
    }

    [Fact]
    public void Evaluate_QuotaNinetyPercentUsedOnASharedAccount_HoldsOnlyTheLowerPriorityStream()
    {
        var quota = new AccountQuota(50_000, 14m, 46_000);
        StreamDemand[] streams = [new("transactional", 10, 4_000), new("marketing", 0, 20_000)];

        var marketing = HealthGate.Evaluate(new HealthInputs(CleanWindow, [], quota, "marketing", streams));
        var transactional = HealthGate.Evaluate(new HealthInputs(CleanWindow, [], quota, "transactional", streams));

        Assert.Equal(HealthAction.HoldLowPriority, marketing.Action);
        Assert.Contains("holding stream 'marketing'", marketing.Reason);
        Assert.Equal(HealthAction.Continue, transactional.Action);
        Assert.Empty(transactional.Tripped);
        Assert.Contains("alert only", transactional.Reason);
    }

    [Fact]
    public void Evaluate_SeveralSignals_ReportsAllAndActsOnMostSevere()
    {
        var bad = new SendCounts(200, 100, 100, 0, 0);

        var decision = Evaluate(new SendCounts(1_000, 1_000, 0, 60, 0), [bad, bad], new AccountQuota(100, 1m, 100));

        Assert.Equal(HealthAction.PauseCampaign, decision.Action);
        Assert.Equal([HealthAction.PauseCampaign, HealthAction.SwitchAccount, HealthAction.HoldLowPriority], decision.Tripped);
        Assert.Contains("bounce rate", decision.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("error rate", decision.Reason);
        Assert.Contains("quota", decision.Reason);
    }

    [Fact]
    public void Evaluate_CustomThresholds_AreApplied()
    {
        var strict = new HealthThresholds(BounceRatePause: 0.01m, MinimumSample: 10);

        Assert.Equal(HealthAction.PauseCampaign, Evaluate(new SendCounts(10, 10, 0, 1, 0), thresholds: strict).Action);
    }

    [Fact]
    public void Evaluate_InvalidThresholds_NamesFields()
    {
        var error = Assert.Throws<DomainValidationException>(() => Evaluate(CleanWindow, thresholds: new HealthThresholds(BounceRatePause: 0m, ErrorWindows: 0)));

        Assert.Equal(["bounceRatePause", "errorWindows"], error.Errors.Select(e => e.Field));
    }
}
