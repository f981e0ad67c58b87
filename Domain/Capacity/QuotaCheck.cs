namespace CampaignFlows.Domain;

/// <summary>Whether an account's quota carries a plan, and by how much it falls short.</summary>
/// <param name="Sufficient">True when both the daily quota and the send rate suffice.</param>
/// <param name="DailyShortfall">Mails a day missing from Max24HourSend; 0 when enough.</param>
/// <param name="RateShortfall">Mails a second missing from MaxSendRate; 0 when enough.</param>
/// <param name="Reason">A sentence for the user.</param>
public sealed record QuotaCheck(bool Sufficient, long DailyShortfall, decimal RateShortfall, string Reason)
{
    /// <summary>Compares a need with an account's quota.</summary>
    /// <param name="dailyQuota">Mails a day needed.</param>
    /// <param name="sendRate">Mails a second needed.</param>
    /// <param name="quota">The account's quota.</param>
    public static QuotaCheck For(long dailyQuota, long sendRate, AccountQuota quota)
    {
        var daily = Math.Max(0, dailyQuota - quota.Max24HourSend);
        var rate = Math.Max(0m, sendRate - quota.MaxSendRate);
        var sufficient = daily == 0 && rate == 0;
        var reason = sufficient
            ? $"The account's quota ({quota.Max24HourSend:N0} a day, {quota.MaxSendRate:0.##}/s) covers {dailyQuota:N0} a day at {sendRate}/s."
            : $"Request an increase: {Shortfalls(daily, rate)}.";
        return new QuotaCheck(sufficient, daily, rate, reason);
    }

    private static string Shortfalls(long daily, decimal rate)
    {
        var parts = new List<string>();
        if (daily > 0)
        {
            parts.Add($"Max24HourSend is {daily:N0} a day short");
        }

        if (rate > 0)
        {
            parts.Add($"MaxSendRate is {rate:0.##}/s short");
        }

        return string.Join(" and ", parts);
    }
}
