namespace CampaignFlows.Aws.Ses.Model;

/// <summary>Output of <c>GetAccount</c>: the account's quotas and standing in the region.</summary>
public sealed record GetAccountResponse
{
    /// <summary>Whether SES warms up new dedicated IPs automatically.</summary>
    public bool? DedicatedIpAutoWarmupEnabled { get; init; }

    /// <summary>Reputation standing: <c>HEALTHY</c>, <c>PROBATION</c> or <c>SHUTDOWN</c>.</summary>
    public string? EnforcementStatus { get; init; }

    /// <summary>False while the account is in the sandbox.</summary>
    public bool? ProductionAccessEnabled { get; init; }

    /// <summary>The sending limits.</summary>
    public SendQuota? SendQuota { get; init; }

    /// <summary>False while sending is paused for the account.</summary>
    public bool? SendingEnabled { get; init; }

    /// <summary>Which events add addresses to the account's suppression list.</summary>
    public SuppressionAttributes? SuppressionAttributes { get; init; }
}

/// <summary>The account's sending limits (SES v2 <c>SendQuota</c>).</summary>
public sealed record SendQuota
{
    /// <summary>Messages allowed in any rolling 24 hours.</summary>
    public double Max24HourSend { get; init; }

    /// <summary>Messages allowed per second.</summary>
    public double MaxSendRate { get; init; }

    /// <summary>Messages sent in the last 24 hours.</summary>
    public double SentLast24Hours { get; init; }
}

/// <summary>The account's suppression settings (SES v2 <c>SuppressionAttributes</c>).</summary>
public sealed record SuppressionAttributes
{
    /// <summary>The reasons, <c>BOUNCE</c> and/or <c>COMPLAINT</c>, that suppress an address.</summary>
    public IReadOnlyList<string>? SuppressedReasons { get; init; }
}
