using CampaignFlows.Data.Statistics;

namespace CampaignFlows.Data.Recipients;

/// <summary>The sending queue of a campaign: plan batches from a checkpoint, claim one, record its results.</summary>
/// <remarks>
/// <para>A batch is the range of sequence numbers it was planned over: claiming it returns the range's recipients that
/// are still unsent, so recipients excluded after planning are skipped and throttled ones come back in the same batch.</para>
/// <para>The rule that keeps a recipient from being sent twice: a recipient is <c>sending</c> under at most one
/// attempt token at a time. A claim takes the batch's queued recipients, those already sending under the same token
/// (a retried activity), and those whose claim lease has run out; recipients sending under another live token are
/// left to their claimer. Results are applied only to recipients sending under the token given, so a late or
/// repeated result never overwrites a recorded one, and a recorded <c>sent</c> is never claimed again.</para>
/// <para>Use a token that is stable across retries of the same send attempt (for example the orchestration
/// instance id and batch number): the only duplicate window is then a batch that was in SES's hands when its
/// sender crashed.</para>
/// </remarks>
public interface IRecipientBatches
{
    /// <summary>The largest batch SES's SendBulkEmail accepts.</summary>
    const int MaxBatchSize = 50;

    /// <summary>
    /// Plans up to <paramref name="maxBatches"/> batches of at most <paramref name="batchSize"/> queued recipients each,
    /// in sequence order after <paramref name="checkpoint"/> (0 to start). Calling again with the same checkpoint returns
    /// the same batches (already planned batches keep the size they were planned with), so a re-run planning activity
    /// loses nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not 1 to <see cref="MaxBatchSize"/>.</exception>
    Task<BatchPlan> PlanBatchesAsync(string campaignId, long checkpoint, int maxBatches, int batchSize = MaxBatchSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a planned batch: returns up to <paramref name="maxRecipients"/> of its unsent recipients (see the remarks
    /// for which), lowest sequence first, marked sending under <paramref name="token"/>. The rest stay queued in the batch
    /// for a later claim, so a batch planned larger than the account's rate now allows is sent in smaller pieces.
    /// </summary>
    Task<IReadOnlyList<ClaimedRecipient>> ClaimBatchAsync(string campaignId, int batch, string token, DateTimeOffset now, int maxRecipients = MaxBatchSize,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Records per-recipient results of the attempt made under <paramref name="token"/>. With <paramref name="countIn"/>,
    /// the results applied also count in those scopes' delivery statistics at <paramref name="now"/> (sent as sent,
    /// failed as send errors), in the same transaction: a write retried after its commit went unanswered applies nothing
    /// again and counts nothing again, and no applied result goes uncounted.
    /// </summary>
    /// <exception cref="ArgumentException">A result lacks what its outcome needs, or an address appears twice.</exception>
    Task<RecordOutcome> RecordResultsAsync(string campaignId, string token, IReadOnlyList<RecipientResult> results, DateTimeOffset now,
        IReadOnlyList<StatsScope>? countIn = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The planned batches that still hold queued or sending recipients (throttled, or abandoned by a crashed sender),
    /// lowest first. Meant for a final sweep when the counts show recipients left.
    /// </summary>
    Task<IReadOnlyList<int>> FindUnfinishedBatchesAsync(string campaignId, int limit, CancellationToken cancellationToken = default);
}
