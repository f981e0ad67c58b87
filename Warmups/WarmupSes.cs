using CampaignFlows.Aws.Ses;
using CampaignFlows.Campaigns;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Warmups;

/// <summary>The SES client of the account whose dedicated IPs are warmed.</summary>
/// <remarks>The account named in <see cref="WarmupOptions.Account"/>, else the first account (by failover order) carrying the warm-up's stream.</remarks>
public sealed class WarmupSes(MailAccounts accounts, IOptions<WarmupOptions> options)
{
    /// <summary>The account's SES v2 client.</summary>
    /// <exception cref="InvalidOperationException">No account carries the warm-up's stream.</exception>
    public ISesClient Client() => accounts.Ses(AccountName());

    /// <summary>The account's name.</summary>
    public string AccountName()
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.Account)) return accounts.Get(settings.Account).Name;
        var account = accounts.All
            .Where(a => a.Streams.Contains(settings.Stream, StringComparer.OrdinalIgnoreCase))
            .OrderBy(a => a.FailoverOrder)
            .FirstOrDefault();
        return account?.Name ?? throw new InvalidOperationException(
            $"No mail account carries the '{settings.Stream}' stream, so there is no dedicated IP to warm; set {WarmupOptions.Section}:Account or Mail:Accounts.");
    }
}
