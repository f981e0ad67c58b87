using System.Collections.Concurrent;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Sqs;

namespace CampaignFlows.Observability;

/// <summary>Hands out the inner factory's clients, with SES clients wrapped in <see cref="InstrumentedSesClient"/> (one per client).</summary>
public sealed class InstrumentedAwsClientFactory(IAwsClientFactory inner, MailMetrics metrics) : IAwsClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<ISesClient, InstrumentedSesClient> _ses = new(ReferenceEqualityComparer.Instance);

    /// <inheritdoc/>
    public ISesClient CreateSes(AwsAccountOptions account) => _ses.GetOrAdd(inner.CreateSes(account), client => new InstrumentedSesClient(client, metrics));

    /// <inheritdoc/>
    public ISqsClient CreateSqs(AwsAccountOptions account) => inner.CreateSqs(account);

    /// <summary>Disposes the inner factory, which the container no longer owns once it is wrapped.</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
