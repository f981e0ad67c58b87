using CampaignFlows.Durable;
using CampaignFlows.Durable.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Campaigns;

/// <summary>
/// Puts each account's per-second rate and 24-hour quota into the engine's flow limits, so they are in force before
/// the first activity is dispatched (the engine applies configured limits before it starts its dispatchers).
/// </summary>
/// <remarks>
/// An account with no configured rate is asked for its SendQuota once at start; if SES cannot be reached, a cautious
/// 1 mail/s holds until <see cref="AccountLimitsRefresher"/> reads the real figures.
/// </remarks>
internal sealed class AccountFlowLimits(IOptions<MailOptions> mail, IServiceProvider services) : IConfigureOptions<DurableEngineOptions>
{
    /// <summary>The rate used until SES's own figures are known.</summary>
    public const double CautiousRate = 1;

    public void Configure(DurableEngineOptions options)
    {
        foreach (var account in mail.Value.Accounts)
        {
            var (rate, quota) = (account.MaxSendRate, account.Max24HourSend);
            if (rate is null || quota is null)
            {
                var known = AccountLimitsRefresher.TryReadQuota(services, account);
                rate ??= known?.Rate ?? CautiousRate;
                quota ??= known?.Quota;
            }
            options.FlowLimits[MailAccounts.RateKey(account.Name)] = RateLimitOf(rate.Value);
            if (quota is { } q) options.FlowLimits[MailAccounts.QuotaKey(account.Name)] = QuotaLimitOf(q);
        }
    }

    /// <summary>
    /// A bucket of half a second's tokens (at least one batch): bursts never push a one-second window past the rate.
    /// </summary>
    public static FlowLimit RateLimitOf(double perSecond) => new() { PerSecond = perSecond, Burst = Math.Max(perSecond / 2, Math.Min(perSecond, 50)) };

    /// <summary>The rolling 24-hour quota.</summary>
    public static FlowLimit QuotaLimitOf(double max24Hours) => new() { WindowLimit = max24Hours, Window = TimeSpan.FromHours(24) };
}
