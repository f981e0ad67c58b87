using System.Text.Json.Serialization;

namespace CampaignFlows.Aws.Ses.Model;

/// <summary>A dedicated IP and its warm-up state (SES v2 <c>DedicatedIp</c>).</summary>
public sealed record DedicatedIp
{
    /// <summary>The IPv4 address.</summary>
    public string? Ip { get; init; }

    /// <summary><c>IN_PROGRESS</c>, <c>DONE</c> or <c>NOT_APPLICABLE</c>.</summary>
    public string? WarmupStatus { get; init; }

    /// <summary>How far the warm-up has gone, 0 to 100; -1 when it does not apply.</summary>
    public int WarmupPercentage { get; init; }

    /// <summary>The pool the IP belongs to.</summary>
    public string? PoolName { get; init; }
}

/// <summary>Input of <c>GetDedicatedIp</c>.</summary>
public sealed record GetDedicatedIpRequest
{
    /// <summary>The IP address; sent in the path.</summary>
    [JsonIgnore]
    public required string Ip { get; init; }
}

/// <summary>Output of <c>GetDedicatedIp</c>.</summary>
public sealed record GetDedicatedIpResponse
{
    /// <summary>The IP.</summary>
    public DedicatedIp? DedicatedIp { get; init; }
}

/// <summary>Input of <c>GetDedicatedIps</c>; all members go in the query string.</summary>
public sealed record GetDedicatedIpsRequest
{
    /// <summary>Only IPs of this pool.</summary>
    [JsonIgnore]
    public string? PoolName { get; init; }

    /// <summary>The token of the page to read.</summary>
    [JsonIgnore]
    public string? NextToken { get; init; }

    /// <summary>How many IPs per page.</summary>
    [JsonIgnore]
    public int? PageSize { get; init; }
}

/// <summary>Output of <c>GetDedicatedIps</c>.</summary>
public sealed record GetDedicatedIpsResponse
{
    /// <summary>The IPs on this page.</summary>
    public IReadOnlyList<DedicatedIp> DedicatedIps { get; init => field = value ?? []; } = [];

    /// <summary>The token of the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}

/// <summary>Input of <c>PutDedicatedIpWarmupAttributes</c>.</summary>
public sealed record PutDedicatedIpWarmupAttributesRequest
{
    /// <summary>The IP address; sent in the path.</summary>
    [JsonIgnore]
    public required string Ip { get; init; }

    /// <summary>The warm-up percentage to set, 0 to 100.</summary>
    public required int WarmupPercentage { get; init; }
}

/// <summary>The values of SES v2's <c>ScalingMode</c>.</summary>
public static class ScalingMode
{
    /// <summary>IPs are added and warmed up by hand.</summary>
    public const string Standard = "STANDARD";

    /// <summary>SES adds, removes and warms up IPs by itself.</summary>
    public const string Managed = "MANAGED";
}

/// <summary>Input of <c>CreateDedicatedIpPool</c>.</summary>
public sealed record CreateDedicatedIpPoolRequest
{
    /// <summary>The pool name.</summary>
    public required string PoolName { get; init; }

    /// <summary>Tags of the pool.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary><see cref="Model.ScalingMode.Standard"/> or <see cref="Model.ScalingMode.Managed"/>.</summary>
    public string? ScalingMode { get; init; }
}

/// <summary>Input of <c>GetDedicatedIpPool</c>.</summary>
public sealed record GetDedicatedIpPoolRequest
{
    /// <summary>The pool name; sent in the path.</summary>
    [JsonIgnore]
    public required string PoolName { get; init; }
}

/// <summary>Output of <c>GetDedicatedIpPool</c>.</summary>
public sealed record GetDedicatedIpPoolResponse
{
    /// <summary>The pool.</summary>
    public DedicatedIpPool? DedicatedIpPool { get; init; }
}

/// <summary>A pool of dedicated IPs (SES v2 <c>DedicatedIpPool</c>).</summary>
public sealed record DedicatedIpPool
{
    /// <summary>The pool name.</summary>
    public string? PoolName { get; init; }

    /// <summary><c>STANDARD</c> or <c>MANAGED</c>.</summary>
    public string? ScalingMode { get; init; }
}
