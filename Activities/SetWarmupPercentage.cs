using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;

namespace CampaignFlows.Activities;

/// <summary>Sets SES's warm-up percentage of a dedicated IP, or of every IP in a pool.</summary>
/// <remarks>Idempotent, so running it again after a lost lease is harmless.</remarks>
public sealed class SetWarmupPercentage(WarmupSes ses)
{
    /// <summary>Calls PutDedicatedIpWarmupAttributes for the IP, or for each IP of the pool.</summary>
    [Function(nameof(SetWarmupPercentage))]
    public async Task Run([ActivityTrigger] WarmupPercentChange change, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(change.Percentage, nameof(change.Percentage));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(change.Percentage, 100, nameof(change.Percentage));
        var client = ses.Client();
        if (change.Target.Ip is { } ip)
        {
            await client.PutDedicatedIpWarmupAttributesAsync(new PutDedicatedIpWarmupAttributesRequest { Ip = ip, WarmupPercentage = change.Percentage }, cancellation);
            return;
        }

        string? token = null;
        do
        {
            var page = await client.GetDedicatedIpsAsync(new GetDedicatedIpsRequest { PoolName = change.Target.Pool, NextToken = token }, cancellation);
            foreach (var member in page.DedicatedIps.Where(m => m.Ip is not null))
            {
                await client.PutDedicatedIpWarmupAttributesAsync(new PutDedicatedIpWarmupAttributesRequest { Ip = member.Ip!, WarmupPercentage = change.Percentage }, cancellation);
            }
            token = page.NextToken;
        }
        while (token is not null);
    }
}
