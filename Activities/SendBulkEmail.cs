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
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Activities;

/// <summary>Sends one planned batch (at most 50 recipients) with one SES SendBulkEmail call and records every entry's result.</summary>
/// <remarks>
/// <para>The batch is claimed under a token that is the same on every retry (campaign and batch), and the recipient
/// store hands out only recipients not yet recorded as sent: a retry after a crash re-sends at most the entries that
/// were in SES's hands when the sender died, never a recorded one.</para>
/// <para>Once SES has answered, the results of the entries it accepted are written (with their statistics, in the same
/// transaction) before anything else can fail the activity, and that write is retried with back-off inside the activity, deaf to the
/// activity's cancellation: a failed or cancelled activity is retried under the same token, and the retry would send
/// again every recipient still marked sending. Entries SES refused stay sending until their dead letter is out, so a
/// dead-letter failure retries only them (SES refuses them again; nothing reached them).</para>
/// <para>Until the SES call starts, the activity stops when cancelled: the engine cancels a run whose lease it cannot
/// renew before that lease can lapse, so a live sender cut off from the store does not send a batch another host is about
/// to retry. The claimed recipients stay sending under the token for that retry.</para>
/// <para>Throttling (429 or ACCOUNT_THROTTLED entries) throws <see cref="ActivityThrottledException"/>: the engine
/// re-queues the batch without spending an attempt and lowers the account's rate for a while. A paused, suspended or
/// exhausted account ends the batch with its recipients unsent and the reason, so the campaign fails over.</para>
/// </remarks>
public sealed partial class SendBulkEmail(IRecipientBatches batches, IDeliveryStatistics statistics, MailAccounts accounts, DeadLetterQueue deadLetters,
    DurableTaskClient engine, AccountLimitsNudge limits, SesCallPacer pacer, TimeProvider time, ILogger<SendBulkEmail> logger)
{
    /// <summary>How long the writes after an answered SES call keep being retried before the activity fails (and its retry sends again).</summary>
    private static readonly TimeSpan WritePatience = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FirstWriteRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestWriteRetry = TimeSpan.FromSeconds(5);

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
            // Last moment to stop: the engine cancels a run whose lease it can no longer renew before the lease can lapse
            // and another host retry the batch under the same token; past here both could send it.
            cancellation.ThrowIfCancellationRequested();
            // Not cancelled with the activity (the account's call timeout bounds it): a call cut off after SES took it would
            // leave its recipients sending, and the re-queued activity would send them again.
            response = await accounts.Ses(batch.Account).SendBulkEmailAsync(Request(batch, claimed), CancellationToken.None);
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

        var scopes = Scopes(batch);
        var refused = results.Where(r => r.Outcome == SendOutcome.Failed).ToList();
        var answered = refused.Count == 0 ? results : results.Where(r => r.Outcome != SendOutcome.Failed).ToList();
        await WriteAfterSendAsync(batch, "results", c => batches.RecordResultsAsync(batch.CampaignId, token, answered, time.GetUtcNow(), scopes, c));
        if (refused.Count > 0)
        {
            await deadLetters.SendAsync(batch.CampaignId, dead, "SES refused these recipients permanently", cancellation);
            await WriteAfterSendAsync(batch, "results", c => batches.RecordResultsAsync(batch.CampaignId, token, refused, time.GetUtcNow(), scopes, c));
        }
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
                await statistics.RecordAsync(Scopes(batch),
                    new DeliveryCounts(SendErrors: claimed.Count), time.GetUtcNow(), cancellation);
                throw error;
            default:
                var reason = $"SES refused the batch: {error.ErrorCode}: {error.Message}";
                await deadLetters.SendAsync(batch.CampaignId, [.. claimed.Select(c => c.Address)], reason, cancellation);
                await batches.RecordResultsAsync(batch.CampaignId, token,
                    [.. claimed.Select(c => new RecipientResult(c.NormalizedAddress, SendOutcome.Failed, Reason: reason))], time.GetUtcNow(),
                    Scopes(batch), cancellation);
                return new BatchResult(0, claimed.Count, 0, null);
        }
    }

    /// <summary>
    /// Runs a write that must follow an answered SES call: retried with growing back-off for up to
    /// <see cref="WritePatience"/> and not cancelled with the activity, because failing here sends the batch again.
    /// An <see cref="ArgumentException"/> is a bug, not a fault, and fails at once.
    /// </summary>
    private async Task WriteAfterSendAsync(SendBatch batch, string what, Func<CancellationToken, Task> write)
    {
        var started = time.GetTimestamp();
        var delay = FirstWriteRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write(CancellationToken.None);
                return;
            }
            catch (Exception error) when (error is not ArgumentException && time.GetElapsedTime(started) + delay < WritePatience)
            {
                LogWriteRetried(logger, what, batch.Batch, batch.CampaignId, attempt, delay.TotalMilliseconds, error.GetType().Name, error.Message);
                await Task.Delay(delay, time, CancellationToken.None);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestWriteRetry.Ticks));
            }
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning,
        Message = "Writing the {What} of batch {Batch} of campaign {CampaignId} after SES answered failed (attempt {Attempt}); retrying in {DelayMs} ms: {ErrorType}: {Error}")]
    private static partial void LogWriteRetried(ILogger logger, string what, int batch, string campaignId, int attempt, double delayMs, string errorType, string error);

    /// <summary>Counts the throttled call for the campaign's report and the account's charts, and has the account's quota read again.</summary>
    private Task RecordThrottleAsync(SendBatch batch, CancellationToken cancellation)
    {
        limits.Request(batch.Account);
        return statistics.RecordAsync(Scopes(batch), new DeliveryCounts(Throttled: 1),
            time.GetUtcNow(), cancellation);
    }

    /// <summary>The statistics a batch's sends, errors and throttles count in: its campaign's and its account's.</summary>
    private static StatsScope[] Scopes(SendBatch batch) => [StatsScope.Campaign(batch.CampaignId), StatsScope.Account(batch.Account)];

    /// <summary>Hands the claimed recipients back as queued so another account can take them.</summary>
    private Task ReleaseAsync(SendBatch batch, string token, IReadOnlyList<ClaimedRecipient> claimed, CancellationToken cancellation) =>
        batches.RecordResultsAsync(batch.CampaignId, token, [.. claimed.Select(c => new RecipientResult(c.NormalizedAddress, SendOutcome.Throttled))],
            time.GetUtcNow(), cancellationToken: cancellation);

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
