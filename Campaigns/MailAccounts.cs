using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Domain;
using CampaignFlows.Durable;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Campaigns;

/// <summary>The configured SES accounts: their clients, their flow-control keys and the failover order.</summary>
public sealed class MailAccounts
{
    private readonly Dictionary<string, MailAccountOptions> _byName;
    private readonly IAwsClientFactory _clients;

    /// <summary>Reads the accounts from <see cref="MailOptions"/>.</summary>
    public MailAccounts(IOptions<MailOptions> options, IAwsClientFactory clients)
    {
        Options = options.Value;
        Options.Validate();
        _clients = clients;
        _byName = Options.Accounts.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        Policy = Options.Accounts.Count == 0 ? null : new FailoverPolicy([.. Options.Accounts.Select(a => a.ToSesAccount())]);
    }

    /// <summary>The mail settings.</summary>
    public MailOptions Options { get; }

    /// <summary>Every configured account.</summary>
    public IReadOnlyList<MailAccountOptions> All => Options.Accounts;

    /// <summary>The failover policy over the accounts; null when none is configured.</summary>
    public FailoverPolicy? Policy { get; }

    /// <summary>The account by name.</summary>
    /// <exception cref="ArgumentException">No account has that name.</exception>
    public MailAccountOptions Get(string name) =>
        _byName.TryGetValue(name, out var account) ? account : throw new ArgumentException($"No mail account is named '{name}'.", nameof(name));

    /// <summary>The account's SES v2 client.</summary>
    public ISesClient Ses(string name) => _clients.CreateSes(Aws(Get(name)));

    /// <summary>The account's SQS client.</summary>
    public ISqsClient Sqs(string name) => _clients.CreateSqs(Aws(Get(name)));

    /// <summary>The rate-limit key of the account's per-second send rate.</summary>
    public static string RateKey(string account) => $"ses:{account}";

    /// <summary>The rate-limit key of the account's rolling 24-hour quota.</summary>
    public static string QuotaKey(string account) => $"ses:{account}:24h";

    /// <summary>The account's connection settings for the AWS clients.</summary>
    public static AwsAccountOptions Aws(MailAccountOptions account) => new()
    {
        Name = account.Name,
        Region = account.Region,
        ServiceUrl = string.IsNullOrEmpty(account.ServiceUrl) ? null : new Uri(account.ServiceUrl),
        AccessKeyId = string.IsNullOrEmpty(account.AccessKeyId) ? null : account.AccessKeyId,
        SecretAccessKey = string.IsNullOrEmpty(account.SecretAccessKey) ? null : account.SecretAccessKey,
    };

    /// <summary>The lower of the account's configured and current (throttle-lowered) rate; null when it has none.</summary>
    public static async Task<double?> RateInForceAsync(DurableTaskClient engine, string account, CancellationToken cancellation)
    {
        var state = await engine.GetFlowLimitAsync(RateKey(account), cancellation);
        if (state?.Limit.PerSecond is not { } configured) return null;
        return Math.Min(configured, state.EffectivePerSecond ?? configured);
    }

    /// <summary>The account's 24-hour quota as the engine enforces it (spent over the rolling window); null when it has none.</summary>
    public static async Task<AccountQuota?> QuotaInForceAsync(DurableTaskClient engine, string account, CancellationToken cancellation)
    {
        var quota = await engine.GetFlowLimitAsync(QuotaKey(account), cancellation);
        if (quota?.Limit.WindowLimit is not { } max) return null;
        var rate = await RateInForceAsync(engine, account, cancellation) ?? 0;
        return new AccountQuota((long)max, (decimal)rate, (long)Math.Ceiling(quota.SpentInWindow));
    }
}
