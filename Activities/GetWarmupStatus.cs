using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;

namespace CampaignFlows.Activities;

/// <summary>Reads how warm SES says a dedicated IP is; for a pool, its coldest IP.</summary>
public sealed class GetWarmupStatus(WarmupSes ses)
{
    /// <summary>GetDedicatedIp's WarmupPercentage and WarmupStatus (for a pool, the IP with the lowest percentage).</summary>
    /// <exception cref="InvalidOperationException">The pool holds no IP.</exception>
    [Function(nameof(GetWarmupStatus))]
    public async Task<SesWarmupState> Run([ActivityTrigger] WarmupTarget target, CancellationToken cancellation)
    {
        var client = ses.Client();
        if (target.Ip is { } ip)
        {
            var answer = await client.GetDedicatedIpAsync(new GetDedicatedIpRequest { Ip = ip }, cancellation);
            return State(answer.DedicatedIp);
        }

        var coldest = default(DedicatedIp);
        string? token = null;
        do
        {
            var page = await client.GetDedicatedIpsAsync(new GetDedicatedIpsRequest { PoolName = target.Pool, NextToken = token }, cancellation);
            foreach (var candidate in page.DedicatedIps)
            {
                if (coldest is null || candidate.WarmupPercentage < coldest.WarmupPercentage) coldest = candidate;
            }
            token = page.NextToken;
        }
        while (token is not null);
        return coldest is null ? throw new InvalidOperationException($"The pool '{target.Pool}' holds no dedicated IP.") : State(coldest);
    }

    private static SesWarmupState State(DedicatedIp? ip) => new(ip?.WarmupPercentage ?? 0, ip?.WarmupStatus);
}
