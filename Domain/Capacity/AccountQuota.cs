namespace CampaignFlows.Domain;

/// <summary>An SES account's sending quota, as GetAccount's SendQuota reports it.</summary>
/// <param name="Max24HourSend">Mails allowed in a rolling 24 hours.</param>
/// <param name="MaxSendRate">Mails allowed per second.</param>
/// <param name="SentLast24Hours">Mails sent in the last 24 hours.</param>
public sealed record AccountQuota(long Max24HourSend, decimal MaxSendRate, long SentLast24Hours = 0)
{
    /// <summary>SentLast24Hours ÷ Max24HourSend; 1 when the quota is zero.</summary>
    public decimal UsedFraction => Max24HourSend <= 0 ? 1m : (decimal)SentLast24Hours / Max24HourSend;

    /// <summary>Mails still allowed in the current 24 hours.</summary>
    public long Remaining => Math.Max(0, Max24HourSend - SentLast24Hours);
}
