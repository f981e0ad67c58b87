using CampaignFlows.Durable;
using CampaignFlows.Warmups;

namespace CampaignFlows.Cli.WarmupSim;

/// <summary>Reads a warm-up's snapshot through the host's durable client.</summary>
public static class WarmupSimSnapshots
{
    /// <summary>The engine's status and the warm-up's custom status; "Pending" before the instance exists.</summary>
    public static async Task<WarmupSnapshot> ReadAsync(DurableTaskClient client, string id, CancellationToken cancellation)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        return instance is null ? new WarmupSnapshot("Pending", null) : new WarmupSnapshot(instance.RuntimeStatus.ToString(), instance.ReadCustomStatusAs<WarmupStatus>());
    }
}
