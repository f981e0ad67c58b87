namespace CampaignFlows.Domain;

/// <summary>Judges a running campaign between waves against <see cref="HealthThresholds"/>.</summary>
/// <remarks>
/// Bounce rate at or above its threshold pauses the campaign, and so does the complaint rate; each is judged
/// only once the window holds its minimum sample, so one bounce in three sends does not pause. A send error
/// rate at or above its threshold in every one of the last <see cref="HealthThresholds.ErrorWindows"/> windows
/// (each with the minimum sample) switches account or region. Quota use at or above its share holds the
/// lowest-priority streams (<see cref="QuotaHolds"/>). All tripped signals are reported; the action is the most
/// severe. Pure and deterministic.
/// </remarks>
public static class HealthGate
{
    /// <summary>Evaluates the signals.</summary>
    /// <param name="inputs">The figures.</param>
    /// <param name="thresholds">The thresholds; <see cref="HealthThresholds.Default"/> when null.</param>
    /// <exception cref="DomainValidationException">Invalid thresholds.</exception>
    public static HealthDecision Evaluate(HealthInputs inputs, HealthThresholds? thresholds = null)
    {
        var t = (thresholds ?? HealthThresholds.Default).Validated();
        var rep = inputs.Reputation;
        var reasons = new List<(HealthAction Action, string Text)>();

        if (rep.Sent >= t.MinimumSample && rep.BounceRate >= t.BounceRatePause)
        {
            reasons.Add((HealthAction.PauseCampaign, $"bounce rate {P(rep.BounceRate)} ({rep.Bounces:N0} of {rep.Sent:N0}) is at or above {P(t.BounceRatePause)}"));
        }

        if (rep.Sent >= t.ComplaintMinimumSample && rep.ComplaintRate >= t.ComplaintRatePause)
        {
            reasons.Add((HealthAction.PauseCampaign, $"complaint rate {P(rep.ComplaintRate)} ({rep.Complaints:N0} of {rep.Sent:N0}) is at or above {P(t.ComplaintRatePause)}"));
        }

        var recent = inputs.ErrorWindows.TakeLast(t.ErrorWindows).ToArray();
        if (recent.Length == t.ErrorWindows && recent.All(w => w.Attempts >= t.MinimumSample && w.ErrorRate >= t.ErrorRateSwitch))
        {
            var rates = string.Join(", ", recent.Select(w => P(w.ErrorRate)));
            reasons.Add((HealthAction.SwitchAccount, $"send error rate was at or above {P(t.ErrorRateSwitch)} in {t.ErrorWindows} windows in a row ({rates})"));
        }

        if (inputs.Quota is { } quota && quota.UsedFraction >= t.QuotaUsedAlert)
        {
            var used = $"{P(quota.UsedFraction)} of the 24-hour quota is used ({quota.SentLast24Hours:N0} of {quota.Max24HourSend:N0}), at or above {P(t.QuotaUsedAlert)}";
            if (inputs.Streams is null || inputs.Stream is null)
                reasons.Add((HealthAction.HoldLowPriority, used));
            else if (QuotaHolds.Choose(inputs.Streams, quota, t).Contains(inputs.Stream, StringComparer.OrdinalIgnoreCase))
                reasons.Add((HealthAction.HoldLowPriority, $"{used}: holding stream '{inputs.Stream}' so the rest is kept for higher-priority streams"));
            else
                reasons.Add((HealthAction.Continue, $"{used} (alert only: stream '{inputs.Stream}' is not held)"));
        }

        var ordered = reasons.OrderByDescending(r => r.Action).ToArray();
        var action = ordered.Length == 0 ? HealthAction.Continue : ordered[0].Action;
        var tripped = ordered.Select(r => r.Action).Where(a => a != HealthAction.Continue).Distinct().ToArray();
        var reason = ordered.Length == 0
            ? $"Healthy: bounce {P(rep.BounceRate)}, complaint {P(rep.ComplaintRate)} over {rep.Sent:N0} sent."
            : Sentence(string.Join("; ", ordered.Select(r => r.Text)));
        return new HealthDecision(
            action,
            tripped,
            reason,
            rep.BounceRate,
            rep.ComplaintRate,
            inputs.ErrorWindows.Select(w => w.ErrorRate).ToArray(),
            inputs.Quota?.UsedFraction,
            rep.Sent);
    }

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + ".";

    private static string P(decimal fraction) => Formatting.Percent(fraction);
}
