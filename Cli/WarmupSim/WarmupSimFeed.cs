using System.Globalization;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Campaigns;

namespace CampaignFlows.Cli.WarmupSim;

/// <summary>
/// Tells when the SES event feed has been read: the event queue holds no message, visible or in flight, on two looks in
/// a row. The sandbox publishes events a few real milliseconds after a send and the queue trigger reads them on real
/// time, so the fake clock must not pass a day's settle time before this holds, or the gate would judge without them.
/// </summary>
/// <param name="sqs">An SQS client of the account whose events the queue receives.</param>
/// <param name="queueUrl">The event queue.</param>
public sealed class WarmupSimFeed(ISqsClient sqs, string queueUrl)
{
    private static readonly string[] Counts = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"];
    private int _emptyLooks;

    /// <summary>The feed of the first account carrying the warm-up stream, from the host's mail settings.</summary>
    /// <exception cref="InvalidOperationException">No event queue is configured.</exception>
    public static WarmupSimFeed For(MailAccounts accounts)
    {
        var account = accounts.All.OrderBy(a => a.FailoverOrder).First();
        var url = account.EventQueueUrl ?? accounts.Options.EventQueueUrl ?? throw new InvalidOperationException("No SES event queue is configured, so the feed cannot be watched.");
        return new WarmupSimFeed(accounts.Sqs(account.Name), url);
    }

    /// <summary>True once the queue was empty on this look and the one before.</summary>
    public async Task<bool> IsDrainedAsync(CancellationToken cancellation)
    {
        var answer = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = Counts }, cancellation).ConfigureAwait(false);
        var waiting = Counts.Sum(name => answer.Attributes.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0);
        _emptyLooks = waiting == 0 ? _emptyLooks + 1 : 0;
        return _emptyLooks >= 2;
    }
}
