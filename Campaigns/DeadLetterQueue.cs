using System.Text.Json;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Data.State;

namespace CampaignFlows.Campaigns;

/// <summary>
/// The SQS dead-letter queue for mail no account could send: one message per batch with the addresses and the
/// reason, and the same entries in the data store's dead-letter log so they can be counted and replayed.
/// </summary>
public sealed class DeadLetterQueue(MailAccounts accounts, IDeadLetterLog log, TimeProvider time)
{
    private readonly SemaphoreSlim _resolve = new(1, 1);
    private (string Account, string Url)? _queue;

    /// <summary>Sends the addresses to the dead-letter queue and logs them.</summary>
    /// <exception cref="AwsServiceException">SQS cannot be reached; the caller retries, so nothing is dropped.</exception>
    public async Task SendAsync(string? campaignId, IReadOnlyList<string> addresses, string reason, CancellationToken cancellation)
    {
        if (addresses.Count == 0) return;
        var (account, url) = await ResolveAsync(cancellation).ConfigureAwait(false);
        var body = JsonSerializer.Serialize(new { campaignId, reason, addresses, at = time.GetUtcNow() });
        var sent = await accounts.Sqs(account).SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = body }, cancellation).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await log.AddAsync([.. addresses.Select(a => new DeadLetterEntry(campaignId, a, reason, sent.MessageId, now))], cancellation).ConfigureAwait(false);
    }

    private async Task<(string Account, string Url)> ResolveAsync(CancellationToken cancellation)
    {
        if (_queue is { } known) return known;
        await _resolve.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_queue is { } again) return again;
            var configured = accounts.All.FirstOrDefault(a => !string.IsNullOrEmpty(a.DeadLetterQueueUrl));
            if (configured is not null) return (_queue = (configured.Name, configured.DeadLetterQueueUrl!)).Value;
            var first = accounts.All[0];
            var created = await accounts.Sqs(first.Name).CreateQueueAsync(new CreateQueueRequest { QueueName = accounts.Options.DeadLetterQueueName }, cancellation).ConfigureAwait(false);
            return (_queue = (first.Name, created.QueueUrl!)).Value;
        }
        finally
        {
            _resolve.Release();
        }
    }
}
