using CampaignFlows.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CampaignFlows.Sandbox.Ses;

internal static partial class SesApi
{
    private static readonly string[] ScalingModes = ["STANDARD", "MANAGED"];

    private static void MapDedicatedIps(IEndpointRouteBuilder app, SandboxState state)
    {
        app.MapGet("/v2/email/dedicated-ips", Handle(state, GetDedicatedIps));
        app.MapGet("/v2/email/dedicated-ips/{IP}", Handle(state, GetDedicatedIp));
        app.MapPut("/v2/email/dedicated-ips/{IP}/warmup", Handle(state, PutWarmupAsync));
        app.MapPut("/v2/email/dedicated-ips/{IP}/pool", Handle(state, PutIpInPoolAsync));
        app.MapPost("/v2/email/dedicated-ip-pools", Handle(state, CreatePoolAsync));
        app.MapGet("/v2/email/dedicated-ip-pools", Handle(state, ListPools));
        app.MapGet("/v2/email/dedicated-ip-pools/{PoolName}", Handle(state, GetPool));
        app.MapDelete("/v2/email/dedicated-ip-pools/{PoolName}", Handle(state, DeletePool));
        app.MapPut("/v2/email/dedicated-ip-pools/{PoolName}/scaling", Handle(state, PutPoolScalingAsync));
    }

    private static object GetDedicatedIps(SesCall call)
    {
        var pool = call.Query("PoolName");
        if (pool is not null && !call.Account.Pools.ContainsKey(pool)) throw SesErrors.NotFound($"Pool {pool} does not exist.");
        var ips = call.Account.DedicatedIps.Values.Where(ip => pool is null || ip.PoolName == pool).OrderBy(ip => ip.Ip, StringComparer.Ordinal).ToList();
        var (page, next) = Paging.Page(call, ips, 100, 1000);
        return new GetDedicatedIpsResponse(page, next);
    }

    private static object GetDedicatedIp(SesCall call) => new GetDedicatedIpResponse(Ip(call));

    private static async ValueTask<object> PutWarmupAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.PutDedicatedIpWarmupAttributesRequest).ConfigureAwait(false);
        if (request.WarmupPercentage is not { } percentage || percentage is < 0 or > 100)
            throw SesErrors.BadRequest($"WarmupPercentage must be an integer from 0 to 100, got '{request.WarmupPercentage}'.");
        var ip = Ip(call);
        call.Account.DedicatedIps[ip.Ip] = ip with { WarmupPercentage = percentage, WarmupStatus = percentage >= 100 ? "DONE" : "IN_PROGRESS" };
        return new EmptyResponse();
    }

    private static async ValueTask<object> PutIpInPoolAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.PutDedicatedIpInPoolRequest).ConfigureAwait(false);
        var pool = request.DestinationPoolName ?? throw SesErrors.BadRequest("DestinationPoolName is required.");
        if (!call.Account.Pools.ContainsKey(pool)) throw SesErrors.NotFound($"Pool {pool} does not exist.");
        var ip = Ip(call);
        call.Account.DedicatedIps[ip.Ip] = ip with { PoolName = pool };
        return new EmptyResponse();
    }

    private static async ValueTask<object> CreatePoolAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.CreateDedicatedIpPoolRequest).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request.PoolName)) throw SesErrors.BadRequest("PoolName is required.");
        var mode = ValidScalingMode(request.ScalingMode ?? "STANDARD");
        if (!call.Account.Pools.TryAdd(request.PoolName, new DedicatedIpPool(request.PoolName, mode)))
            throw SesErrors.AlreadyExists($"Pool {request.PoolName} already exists.");
        return new EmptyResponse();
    }

    private static object ListPools(SesCall call)
    {
        var (page, next) = Paging.Page(call, call.Account.Pools.Keys.Order(StringComparer.Ordinal).ToList(), 100, 1000);
        return new ListDedicatedIpPoolsResponse(page, next);
    }

    private static object GetPool(SesCall call) => new GetDedicatedIpPoolResponse(Pool(call));

    private static object DeletePool(SesCall call)
    {
        var pool = Pool(call);
        call.Account.Pools.TryRemove(pool.PoolName, out _);
        return new EmptyResponse();
    }

    private static async ValueTask<object> PutPoolScalingAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.PutDedicatedIpPoolScalingAttributesRequest).ConfigureAwait(false);
        var mode = ValidScalingMode(request.ScalingMode ?? throw SesErrors.BadRequest("ScalingMode is required."));
        var pool = Pool(call);
        // SES allows moving a pool to MANAGED but never back.
        if (pool.ScalingMode == "MANAGED" && mode == "STANDARD") throw SesErrors.BadRequest($"Pool {pool.PoolName} is MANAGED and cannot return to STANDARD.");
        call.Account.Pools[pool.PoolName] = pool with { ScalingMode = mode };
        return new EmptyResponse();
    }

    private static DedicatedIp Ip(SesCall call)
    {
        var ip = call.Route("IP");
        return call.Account.DedicatedIps.TryGetValue(ip, out var found) ? found : throw SesErrors.NotFound($"Dedicated IP {ip} does not exist.");
    }

    private static DedicatedIpPool Pool(SesCall call)
    {
        var name = call.Route("PoolName");
        return call.Account.Pools.TryGetValue(name, out var pool) ? pool : throw SesErrors.NotFound($"Pool {name} does not exist.");
    }

    private static string ValidScalingMode(string mode) =>
        ScalingModes.Contains(mode) ? mode : throw SesErrors.BadRequest($"ScalingMode must be STANDARD or MANAGED, got '{mode}'.");
}
