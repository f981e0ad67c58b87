using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;
using CampaignFlows.Domain.Accounts;
using CampaignFlows.Durable;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>Sends one planned batch (at most 50 recipients) with one SES SendBulkEmail call and records every entry's result.</summary>
/// <remarks>
/// <para>The batch is claimed under a token that is the same on every retry (campaign and batch), and the recipient
/// store hands out only recipients not yet recorded as sent: a retry after a crash re-sends at most the entries that
/// were in SES's hands when the sender died, never a recorded one.</para>
/// <para>Throttling (429 or ACCOUNT_THROTTLED entries) throws <see cref="ActivityThrottledException"/>: the engine
/// re-queues the batch without spending an attempt and lowers the account's rate for a while. A paused, suspended or
/// exhausted account ends the batch with its recipients unsent and the reason, so the campaign fails over.</para>
/// </remarks>
public sealed class SendBulkEmail(IRecipientBatches batches, IDeliveryStatistics statistics, MailAccounts accounts, DeadLetterQueue deadLetters,
    DurableTaskClient engine, AccountLimitsNudge limits, SesCallPacer pacer, TimeProvider time)
{
    /// <summary>The SES message tag carrying the campaign id, for event routing and reporting.</summary>
    public const string CampaignTag = "campaign";

    /// <summary>The activity.</summary>
    [Function(nameof(SendBulkEmail))]
    public async Task<BatchResult> Run([ActivityTrigger] SendBatch batch, CancellationToken cancellation)
    {
        var token = $"{batch.CampaignId}#{batch.Batch}";
        // The rate may have fallen since the wave was sized (SES throttled, or lowered the account's quota): a call larger
        // than the rate now in force would be throttled whole, every time.
        var rate = await MailAccounts.RateInForceAsync(engine, batch.Account, cancellation);
        var limit = Math.Min(BatchSizing.Fit(batch.MaxRecipients, null), BatchSizing.Fit(BatchSizing.SesMaximum, rate));
        var claimed = await batches.ClaimBatchAsync(batch.CampaignId, batch.Batch, token, time.GetUtcNow(), limit, cancellation);
        if (claimed.Count == 0) return BatchResult.Nothing;
        var moreLeft = claimed.Count == limit && limit < BatchSizing.SesMaximum;

        SendBulkEmailResponse response;
        try
        {
            using var call = await pacer.StartAsync(batch.Account, claimed.Count, rate, cancellation);
            response = await accounts.Ses(batch.Account).SendBulkEmailAsync(Request(batch, claimed), cancellation);
        }
        catch (AwsServiceException error)
        {
            return await OnCallFailedAsync(batch, token, claimed, error, cancellation);
        }

        var results = new List<RecipientResult>(claimed.Count);
        var (sent, failed, throttled, unsent) = (0, 0, 0, 0);
        string? problem = null;
        var dead = new List<string>();
        for (var i = 0; i < claimed.Count; i++)
        {
            var entry = i < response.BulkEmailEntryResults.Count ? response.BulkEmailEntryResults[i] : null;
            var recipient = claimed[i];
            switch (entry is null ? AwsErrorKind.Transient : BulkEmailStatus.ToErrorKind(entry.Status, entry.Error))
            {
                case null:
                    results.Add(new RecipientResult(recipient.NormalizedAddress, SendOutcome.Sent, entry!.MessageId, batch.Account));
                    sent++;
                    break;
                case AwsErrorKind.Throttled or AwsErrorKind.Transient:
                    results.Add(new RecipientResult(recipient.NormalizedAddress, SendOutcome.Throttled));
                    throttled++;
                    break;
                case AwsErrorKind.QuotaExceeded or AwsErrorKind.AccountPaused:
                    results.Add(new RecipientResult(recipient.NormalizedAddress, SendOutcome.Throttled));
                    problem ??= $"{entry!.Status}: {entry.Error}";
                    unsent++;
                    break;
                default:
                    var reason = $"SES refused the entry: {entry!.Status} {entry.Error}".TrimEnd();
                    results.Add(new RecipientResult(recipient.NormalizedAddress, SendOutcome.Failed, Reason: reason));
                    dead.Add(recipient.Address);
                    failed++;
                    break;
            }
        }

        if (dead.Count > 0) await deadLetters.SendAsync(batch.CampaignId, dead, "SES refused these recipients permanently", cancellation);
        await batches.RecordResultsAsync(batch.CampaignId, token, results, time.GetUtcNow(), cancellation);
        await statistics.RecordAsync([StatsScope.Campaign(batch.CampaignId), StatsScope.Account(batch.Account)],
            new DeliveryCounts(Sent: sent, SendErrors: failed), time.GetUtcNow(), cancellation);
        if (throttled > 0 && problem is null)
        {
            await RecordThrottleAsync(batch, cancellation);
            throw new ActivityThrottledException($"SES throttled {throttled} of {claimed.Count} entries of batch {batch.Batch}.");
        }
        return new BatchResult(sent, failed, unsent + throttled, problem, MoreLeft: moreLeft && problem is null);
    }

    private async Task<BatchResult> OnCallFailedAsync(SendBatch batch, string token, IReadOnlyList<ClaimedRecipient> claimed, AwsServiceException error,
        CancellationToken cancellation)
    {
        switch (error.Kind)
        {
            case AwsErrorKind.Throttled:
                await RecordThrottleAsync(batch, cancellation);
                throw new ActivityThrottledException($"SES throttled batch {batch.Batch}: {error.Message}");
            case AwsErrorKind.QuotaExceeded or AwsErrorKind.AccountPaused:
                await ReleaseAsync(batch, token, claimed, cancellation);
                return new BatchResult(0, 0, claimed.Count, $"{error.ErrorCode}: {error.Message}");
            case AwsErrorKind.Transient:
                await statistics.RecordAsync([StatsScope.Campaign(batch.CampaignId), StatsScope.Account(batch.Account)],
                    new DeliveryCounts(SendErrors: claimed.Count), time.GetUtcNow(), cancellation);
                throw error;
            default:
                var reason = $"SES refused the batch: {error.ErrorCode}: {error.Message}";
                await deadLetters.SendAsync(batch.CampaignId, [.. claimed.Select(c => c.Address)], reason, cancellation);
                await batches.RecordResultsAsync(batch.CampaignId, token,
                    [.. claimed.Select(c => new RecipientResult(c.NormalizedAddress, SendOutcome.Failed, Reason: reason))], time.GetUtcNow(), cancellation);
                return new BatchResult(0, claimed.Count, 0, null);
        }
    }

    /// <summary>Counts the throttled call for the campaign's report and the account's charts, and has the account's quota read again.</summary>
    private Task RecordThrottleAsync(SendBatch batch, CancellationToken cancellation)
    {
        limits.Request(batch.Account);
        return statistics.RecordAsync([StatsScope.Campaign(batch.CampaignId), StatsScope.Account(batch.Account)], new DeliveryCounts(Throttled: 1),
            time.GetUtcNow(), cancellation);
    }

    /// <summary>Hands the claimed recipients back as queued so another account can take them.</summary>
    private Task ReleaseAsync(SendBatch batch, string token, IReadOnlyList<ClaimedRecipient> claimed, CancellationToken cancellation) =>
        batches.RecordResultsAsync(batch.CampaignId, token, [.. claimed.Select(c => new RecipientResult(c.NormalizedAddress, SendOutcome.Throttled))],
            time.GetUtcNow(), cancellation);

    private static SendBulkEmailRequest Request(SendBatch batch, IReadOnlyList<ClaimedRecipient> claimed) => new()
    {
        FromEmailAddress = batch.FromAddress,
        ConfigurationSetName = batch.ConfigurationSetName,
        DefaultContent = new BulkEmailContent { Template = new Template { TemplateName = batch.TemplateName, TemplateData = "{}" } },
        DefaultEmailTags = [new MessageTag { Name = CampaignTag, Value = TagValue(batch.CampaignId) }],
        BulkEmailEntries = [.. claimed.Select(r => new BulkEmailEntry
        {
            Destination = new Destination { ToAddresses = [r.Address] },
            ReplacementEmailContent = new ReplacementEmailContent { ReplacementTemplate = new ReplacementTemplate { ReplacementTemplateData = r.TemplateData ?? "{}" } },
        })],
    };

    /// <summary>SES tag values allow letters, digits, '_' and '-' only.</summary>
    public static string TagValue(string value) => new([.. value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')]);
}
