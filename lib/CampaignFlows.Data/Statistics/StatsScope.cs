namespace CampaignFlows.Data.Statistics;

/// <summary>What a set of feedback statistics is about: a campaign, an account, a dedicated IP or an IP pool.</summary>
/// <param name="Kind">One of <see cref="Campaign"/>, <see cref="Account"/>, <see cref="Ip"/>, <see cref="Pool"/>.</param>
/// <param name="Id">The campaign id, account name, IP address or pool name.</param>
public sealed record StatsScope(string Kind, string Id)
{
    /// <summary>Scope kind of a campaign.</summary>
    public const string CampaignKind = "campaign";

    /// <summary>Scope kind of an SES account (or account/region pair).</summary>
    public const string AccountKind = "account";

    /// <summary>Scope kind of a dedicated IP.</summary>
    public const string IpKind = "ip";

    /// <summary>Scope kind of a dedicated IP pool.</summary>
    public const string PoolKind = "pool";

    /// <summary>The statistics of one campaign.</summary>
    public static StatsScope Campaign(string id) => new(CampaignKind, id);

    /// <summary>The statistics of one SES account.</summary>
    public static StatsScope Account(string id) => new(AccountKind, id);

    /// <summary>The statistics of one dedicated IP.</summary>
    public static StatsScope Ip(string id) => new(IpKind, id);

    /// <summary>The statistics of one dedicated IP pool.</summary>
    public static StatsScope Pool(string id) => new(PoolKind, id);
}
