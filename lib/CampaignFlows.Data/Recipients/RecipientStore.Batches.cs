using CampaignFlows.Data.Statistics;
using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Recipients;

internal sealed partial class RecipientStore
{
    public Task<BatchPlan> PlanBatchesAsync(string campaignId, long checkpoint, int maxBatches, int batchSize = IRecipientBatches.MaxBatchSize,
        CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        if (checkpoint < 0) throw new ArgumentOutOfRangeException(nameof(checkpoint), checkpoint, "The checkpoint is a sequence number: 0 or more.");
        if (maxBatches < 1) throw new ArgumentOutOfRangeException(nameof(maxBatches), maxBatches, "Plan at least one batch.");
        RequireBatchSize(batchSize, nameof(batchSize));
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var campaign = await connection.QuerySingleOrDefaultAsync<CampaignPlanning>(RecipientQueries.LockForPlanning, new { campaignId }, transaction).ConfigureAwait(false);
            if (campaign is null) return new BatchPlan([], checkpoint);

            var planned = (await connection.QueryAsync<PlannedBatch>(RecipientQueries.PlannedAfter, new { campaignId, after = checkpoint, limit = maxBatches }, transaction).ConfigureAwait(false)).AsList();
            var wanted = (maxBatches - planned.Count) * batchSize;
            if (wanted > 0)
            {
                // Every batch after the checkpoint is in hand, so new ones start after the last sequence ever planned.
                var args = new { campaignId, after = Math.Max(checkpoint, campaign.PlannedSeq), limit = wanted, size = batchSize, firstBatch = campaign.LastBatch + 1 };
                var added = (await connection.QueryAsync<PlannedBatch>(RecipientQueries.PlanNext, args, transaction).ConfigureAwait(false)).OrderBy(b => b.Batch).ToList();
                if (added.Count > 0)
                {
                    planned.AddRange(added);
                    await connection.ExecuteAsync(RecipientQueries.SetPlanned, new { campaignId, lastBatch = added[^1].Batch, plannedSeq = added[^1].LastSeq }, transaction).ConfigureAwait(false);
                }
            }
            var batches = planned.Select(p => new BatchRef(campaignId, (int)p.Batch, (int)p.Count)).ToList();
            return new BatchPlan(batches, planned.Count > 0 ? planned[^1].LastSeq : checkpoint);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ClaimedRecipient>> ClaimBatchAsync(string campaignId, int batch, string token, DateTimeOffset now,
        int maxRecipients = IRecipientBatches.MaxBatchSize, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        RequireId(token, nameof(token));
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "Batch numbers start at 1.");
        RequireBatchSize(maxRecipients, nameof(maxRecipients));
        var request = new ClaimRequest(campaignId, batch, token, UnixTime.Ms(now), UnixTime.Ms(now + _database.Options.ClaimLease), maxRecipients);
        return _database.WriteAsync((connection, transaction) => _database.Bulk.ClaimAsync(connection, transaction, request), cancellationToken);
    }

    public Task<RecordOutcome> RecordResultsAsync(string campaignId, string token, IReadOnlyList<RecipientResult> results, DateTimeOffset now,
        IReadOnlyList<StatsScope>? countIn = null, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        RequireId(token, nameof(token));
        ArgumentNullException.ThrowIfNull(results);
        ValidateResults(results);
        if (results.Count == 0) return Task.FromResult(new RecordOutcome(0, 0));
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var applied = await _database.Bulk.RecordAsync(connection, transaction, campaignId, token, results, UnixTime.Ms(now)).ConfigureAwait(false);
            if (countIn is not null)
                await DeliveryStatistics.AddAsync(_database, connection, transaction, [(countIn, new DeliveryCounts(Sent: applied.Sent, SendErrors: applied.Failed))], now)
                    .ConfigureAwait(false);
            return new RecordOutcome(applied.Changed, results.Count - applied.Changed);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<int>> FindUnfinishedBatchesAsync(string campaignId, int limit, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "Ask for at least one batch.");
        var batches = await _database.ReadAsync(c => c.QueryAsync<long>(RecipientQueries.UnfinishedBatches, new { campaignId, limit }), cancellationToken).ConfigureAwait(false);
        return batches.Select(b => (int)b).ToList();
    }

    private static void RequireBatchSize(int size, string name)
    {
        if (size is < 1 or > IRecipientBatches.MaxBatchSize)
            throw new ArgumentOutOfRangeException(name, size, $"A batch holds 1 to {IRecipientBatches.MaxBatchSize} recipients (SES's SendBulkEmail limit).");
    }

    private static void ValidateResults(IReadOnlyList<RecipientResult> results)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i] ?? throw new ArgumentException($"Result {i} is null.", nameof(results));
            if (string.IsNullOrWhiteSpace(result.NormalizedAddress)) throw new ArgumentException($"Result {i} has no address.", nameof(results));
            if (!seen.Add(result.NormalizedAddress)) throw new ArgumentException($"Result {i}: {result.NormalizedAddress} appears twice.", nameof(results));
            if (result.Outcome == SendOutcome.Sent && string.IsNullOrWhiteSpace(result.MessageId))
                throw new ArgumentException($"Result {i} ({result.NormalizedAddress}) is sent but has no SES message id.", nameof(results));
            if (result.Outcome is SendOutcome.Failed or SendOutcome.DeadLettered && string.IsNullOrWhiteSpace(result.Reason))
                throw new ArgumentException($"Result {i} ({result.NormalizedAddress}) is {result.Outcome} but has no reason.", nameof(results));
        }
    }

    private sealed class CampaignPlanning
    {
        public long LastBatch { get; init; }
        public long PlannedSeq { get; init; }
    }

    private sealed class PlannedBatch
    {
        public long Batch { get; init; }
        public long LastSeq { get; init; }
        public long Count { get; init; }
    }
}
