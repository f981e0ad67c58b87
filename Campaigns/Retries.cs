using CampaignFlows.Durable;
namespace CampaignFlows.Campaigns;

/// <summary>The retry policies campaign activities are called with.</summary>
public static class Retries
{
    /// <summary>Transient failures (5xx, timeouts, a busy database) retried with exponential back-off up to 30 s apart.</summary>
    /// <param name="attempts">Attempts in all, including the first.</param>
    public static TaskOptions Transient(int attempts) =>
        new(new RetryPolicy(attempts, TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));
}
