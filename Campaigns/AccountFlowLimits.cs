using CampaignFlows.Durable;
using CampaignFlows.Durable.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Campaigns;

/// <summary>
/// Puts each account's per-second rate and 24-hour quota into the engine's flow limits, so they are in force before
/// the first activity is dispatched (the engine applies configured limits before it starts its dispatchers).
/// </summary>
/// <remarks>
/// Every account is asked for its SendQuota once at start and the lower of it and the configured caps is used; if SES
/// cannot be reached, the configured caps (or a cautious 1 mail/s) hold until <see cref="AccountLimitsRefresher"/> reads
/// the real figures, which its first round does for just those accounts.
/// </remarks>
internal sealed class AccountFlowLimits(IOptions<MailOptions> mail, IServiceProvider services) : IConfigureOptions<DurableEngineOptions>
{
    /// <summary>The rate used until SES's own figures are known.</summary>
    public const double CautiousRate = 1;

    public void Configure(DurableEngineOptions options)
    {
        foreach (var account in mail.Value.Accounts)
        {
            // SES's own figures cap the configured ones from the first dispatch: a quota learnt only after the first
            // wave was planned would hold that wave's sends at the quota gate.
            var known = AccountLimitsRefresher.TryReadQuota(services, account);
            if (known is null) services.GetRequiredService<AccountLimitsNudge>().UnreadAtStart(account.Name);
            var rate = Lower(account.MaxSendRate, known?.Rate) ?? CautiousRate;
            var quota = Lower(account.Max24HourSend, known?.Quota);
            options.FlowLimits[MailAccounts.RateKey(account.Name)] = RateLimitOf(rate);
            if (quota is { } q) options.FlowLimits[MailAccounts.QuotaKey(account.Name)] = QuotaLimitOf(q);
        }
    }

    private static double? Lower(double? configured, double? known) =>
        configured is { } c && known is { } k ? Math.Min(c, k) : configured ?? known;

    /// <summary>
    /// A bucket of half a second's tokens (at least one batch): bursts never push a one-second window past the rate.
    /// </summary>
    public static FlowLimit RateLimitOf(double perSecond) => new() { PerSecond = perSecond, Burst = Math.Max(perSecond / 2, Math.Min(perSecond, 50)) };

    /// <summary>The rolling 24-hour quota.</summary>
    public static FlowLimit QuotaLimitOf(double max24Hours) => new() { WindowLimit = max24Hours, Window = TimeSpan.FromHours(24) };
}
