using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Warmup;

public sealed class WarmupGateTests
{
    [Fact]
    public void Judge_HealthyDay_AdvancesAndResetsFailures()
    {
        var decision = WarmupGate.Judge(new WarmupDayFigures(10_000, 150, 4), failedDaysBefore: 2);

        Assert.Equal(WarmupGateOutcome.Advance, decision.Outcome);
        Assert.Equal(0, decision.ConsecutiveFailedDays);
        Assert.Equal(0.015m, decision.BounceRate);
        Assert.Equal(0.0004m, decision.ComplaintRate);
        Assert.Contains("1.5%", decision.Reason);
    }

    [Fact]
    public void Judge_BounceExactlyTwoPercent_Holds()
    {
        var decision = WarmupGate.Judge(new WarmupDayFigures(10_000, 200, 0), failedDaysBefore: 0);

        Assert.Equal(WarmupGateOutcome.Hold, decision.Outcome);
        Assert.Equal(1, decision.ConsecutiveFailedDays);
        Assert.Contains("bounce 2%", decision.Reason);
        Assert.Contains("200 of 10,000", decision.Reason);
    }

    [Fact]
    public void Judge_ComplaintAtThreshold_HoldsNamingComplaint()
    {
        var decision = WarmupGate.Judge(new WarmupDayFigures(10_000, 0, 5), failedDaysBefore: 0);

        Assert.Equal(WarmupGateOutcome.Hold, decision.Outcome);
        Assert.Contains("complaint 0.05%", decision.Reason);
    }

    [Fact]
    public void Judge_ThirdFailedDay_Pauses()
    {
        var decision = WarmupGate.Judge(new WarmupDayFigures(10_000, 300, 0), failedDaysBefore: 2);

        Assert.Equal(WarmupGateOutcome.Pause, decision.Outcome);
        Assert.Equal(3, decision.ConsecutiveFailedDays);
        Assert.Contains("operator", decision.Reason);
    }

    [Fact]
    public void Judge_SequenceOfDays_HoldsThenPausesAfterThree()
    {
        var bad = new WarmupDayFigures(1_000, 50, 0);
        var failed = 0;
        var outcomes = new List<WarmupGateOutcome>();
        foreach (var figures in new[] { bad, new WarmupDayFigures(1_000, 1, 0), bad, bad, bad })
        {
            var decision = WarmupGate.Judge(figures, failed);
            failed = decision.ConsecutiveFailedDays;
            outcomes.Add(decision.Outcome);
        }

        Assert.Equal(
            [WarmupGateOutcome.Hold, WarmupGateOutcome.Advance, WarmupGateOutcome.Hold, WarmupGateOutcome.Hold, WarmupGateOutcome.Pause],
            outcomes);
    }

    [Fact]
    public void Judge_NothingSent_CountsAsFailedDay()
    {
        var decision = WarmupGate.Judge(new WarmupDayFigures(0, 0, 0), failedDaysBefore: 0);

        Assert.Equal(WarmupGateOutcome.Hold, decision.Outcome);
        Assert.Contains("nothing was sent", decision.Reason);
    }

    [Fact]
    public void Judge_CustomThresholds_AreApplied()
    {
        var lenient = new WarmupGateThresholds(BounceRateBelow: 0.05m, ComplaintRateBelow: 0.001m, FailedDaysBeforePause: 1);

        Assert.Equal(WarmupGateOutcome.Advance, WarmupGate.Judge(new WarmupDayFigures(1_000, 40, 0), 0, lenient).Outcome);
        Assert.Equal(WarmupGateOutcome.Pause, WarmupGate.Judge(new WarmupDayFigures(1_000, 60, 0), 0, lenient).Outcome);
    }

    [Fact]
    public void Judge_MoreBouncesThanSent_Refuses()
    {
        var error = Assert.Throws<DomainValidationException>(() => WarmupGate.Judge(new WarmupDayFigures(10, 11, -1), 0));

        Assert.Equal(["complaints", "bounces"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Judge_InvalidThresholds_Refuses()
    {
        var error = Assert.Throws<DomainValidationException>(
            () => WarmupGate.Judge(new WarmupDayFigures(10, 0, 0), 0, new WarmupGateThresholds(0m, 2m, 0)));

        Assert.Equal(["bounceRateBelow", "complaintRateBelow", "failedDaysBeforePause"], error.Errors.Select(e => e.Field));
    }
}
