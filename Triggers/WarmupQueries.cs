using CampaignFlows.Data.State;
using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;

namespace CampaignFlows.Triggers;

/// <summary><c>GET /api/warmups</c> and <c>GET /api/warmups/{id}</c>: where warm-ups stand, plan against actual.</summary>
public sealed class WarmupQueries(IWarmupDayLog log)
{
    /// <summary>Every warm-up with its status.</summary>
    [Function("WarmupList")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "warmups")] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = WarmupIds.Prefix, FetchInputsAndOutputs = true };
        var items = new List<WarmupSummary>();
        await foreach (var instance in client.QueryInstances(query, cancellation))
        {
            if (instance.Name != nameof(Orchestrations.WarmupOrchestrator)) continue;
            items.Add(WarmupSummary.From(instance));
        }
        return TypedResults.Ok(items);
    }

    /// <summary>One warm-up: its settings, status, the plan day by day beside what was sent, and every decision.</summary>
    [Function("WarmupGet")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "warmups/{id}")] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id, CancellationToken cancellation)
    {
        var instanceId = WarmupView.InstanceId(id);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation);
        if (instance is null || instance.Name != nameof(Orchestrations.WarmupOrchestrator)) return WarmupProblems.UnknownWarmup(id);
        var days = await log.ListAsync(instanceId, cancellation);
        return TypedResults.Ok(WarmupView.From(instance, days));
    }
}
