using CampaignFlows.Aws.Http;
using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Ses;

public sealed partial class SesV2Client
{
    /// <inheritdoc />
    public Task<GetDedicatedIpResponse> GetDedicatedIpAsync(GetDedicatedIpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Get("GetDedicatedIp", $"/v2/email/dedicated-ips/{Segment(request.Ip, nameof(request.Ip))}", Json.GetDedicatedIpResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetDedicatedIpsResponse> GetDedicatedIpsAsync(GetDedicatedIpsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryString().Add("PoolName", request.PoolName).Add("NextToken", request.NextToken).Add("PageSize", request.PageSize);
        return Get("GetDedicatedIps", $"/v2/email/dedicated-ips{query}", Json.GetDedicatedIpsResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task PutDedicatedIpWarmupAttributesAsync(PutDedicatedIpWarmupAttributesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.WarmupPercentage is < 0 or > 100)
            throw new ArgumentException($"WarmupPercentage must be 0 to 100, not {request.WarmupPercentage}.", nameof(request));
        return Send("PutDedicatedIpWarmupAttributes", HttpMethod.Put, $"/v2/email/dedicated-ips/{Segment(request.Ip, nameof(request.Ip))}/warmup",
            new PutDedicatedIpWarmupAttributesBody(request.WarmupPercentage), Json.PutDedicatedIpWarmupAttributesBody, cancellationToken);
    }

    /// <inheritdoc />
    public Task CreateDedicatedIpPoolAsync(CreateDedicatedIpPoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Segment(request.PoolName, nameof(request.PoolName));
        if (request.ScalingMode is not (null or ScalingMode.Standard or ScalingMode.Managed))
            throw new ArgumentException($"ScalingMode must be STANDARD or MANAGED, not '{request.ScalingMode}'.", nameof(request));
        return Send("CreateDedicatedIpPool", HttpMethod.Post, "/v2/email/dedicated-ip-pools", request, Json.CreateDedicatedIpPoolRequest, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetDedicatedIpPoolResponse> GetDedicatedIpPoolAsync(GetDedicatedIpPoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Get("GetDedicatedIpPool", $"/v2/email/dedicated-ip-pools/{Segment(request.PoolName, nameof(request.PoolName))}", Json.GetDedicatedIpPoolResponse, cancellationToken);
    }
}
