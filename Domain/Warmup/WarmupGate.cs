namespace CampaignFlows.Domain;

/// <summary>Judges a settled warm-up day: advance, hold the volume, or pause for an operator.</summary>
/// <remarks>
/// A day passes when bounces and complaints are both below their thresholds. A failed day holds the volume;
/// the <see cref="WarmupGateThresholds.FailedDaysBeforePause"/>-th failed day in a row pauses. A day that sent
/// nothing counts as failed: nothing proves the IP's reputation, and days without sends mean something
/// upstream is wrong, which an operator should see. Pure and deterministic.
/// </remarks>
public static class WarmupGate
{
    /// <summary>Judges a day.</summary>
    /// <param name="figures">The day's settled counts.</param>
    /// <param name="failedDaysBefore">Failed days in a row before this one.</param>
    /// <param name="thresholds">The thresholds; <see cref="WarmupGateThresholds.Default"/> when null.</param>
    /// <exception cref="DomainValidationException">Inconsistent figures or thresholds.</exception>
    public static WarmupGateDecision Judge(WarmupDayFigures figures, int failedDaysBefore, WarmupGateThresholds? thresholds = null)
    {
        var limits = (thresholds ?? WarmupGateThresholds.Default).Validated();
        figures.Validated();
        new Guard().NotNegative(failedDaysBefore, "failedDaysBefore").ThrowIfAny();

        var problems = Problems(figures, limits);
        if (problems.Count == 0)
        {
            var ok = $"Healthy: bounce {Pct(figures.BounceRate)} < {Pct(limits.BounceRateBelow)} and complaint " +
                $"{Pct(figures.ComplaintRate)} < {Pct(limits.ComplaintRateBelow)} over {figures.Sent:N0} mails.";
            return Decide(WarmupGateOutcome.Advance, 0, ok);
        }

        var failed = failedDaysBefore + 1;
        var why = string.Join("; ", problems);
        return failed >= limits.FailedDaysBeforePause
            ? Decide(WarmupGateOutcome.Pause, failed, $"Paused after {failed} failed days in a row ({why}); waiting for an operator.")
            : Decide(WarmupGateOutcome.Hold, failed, $"Holding the volume, failed day {failed} of {limits.FailedDaysBeforePause} ({why}).");

        WarmupGateDecision Decide(WarmupGateOutcome outcome, int days, string reason) =>
            new(outcome, figures, figures.BounceRate, figures.ComplaintRate, days, limits, reason);
    }

    private static List<string> Problems(WarmupDayFigures figures, WarmupGateThresholds limits)
    {
        var problems = new List<string>();
        if (figures.Sent == 0)
        {
            problems.Add("nothing was sent");
            return problems;
        }

        if (figures.BounceRate >= limits.BounceRateBelow)
        {
            problems.Add($"bounce {Pct(figures.BounceRate)} ({figures.Bounces:N0} of {figures.Sent:N0}) is not below {Pct(limits.BounceRateBelow)}");
        }

        if (figures.ComplaintRate >= limits.ComplaintRateBelow)
        {
            problems.Add($"complaint {Pct(figures.ComplaintRate)} ({figures.Complaints:N0} of {figures.Sent:N0}) is not below {Pct(limits.ComplaintRateBelow)}");
        }

        return problems;
    }

    private static string Pct(decimal fraction) => Formatting.Percent(fraction);
}
