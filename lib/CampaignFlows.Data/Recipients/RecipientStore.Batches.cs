using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Recipients;

internal sealed partial class RecipientStore
{
    public Task<BatchPlan> PlanBatchesAsync(string campaignId, long checkpoint, int maxBatches, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        if (checkpoint < 0) throw new ArgumentOutOfRangeException(nameof(checkpoint), checkpoint, "The checkpoint is a sequence number: 0 or more.");
        if (maxBatches < 1) throw new ArgumentOutOfRangeException(nameof(maxBatches), maxBatches, "Plan at least one batch.");
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var lastBatch = await connection.ExecuteScalarAsync<long?>(RecipientQueries.LockForPlanning, new { campaignId }, transaction).ConfigureAwait(false);
            if (lastBatch is null) return new BatchPlan([], checkpoint);

            var planned = (await connection.QueryAsync<PlannedBatch>(RecipientQueries.PlannedAfter, new { campaignId, after = checkpoint, limit = maxBatches }, transaction).ConfigureAwait(false)).AsList();
            var batches = planned.Select(p => new BatchRef(campaignId, (int)p.Batch, (int)p.Count)).ToList();
            var end = planned.Count > 0 ? planned[^1].LastSeq : checkpoint;

            var wanted = (maxBatches - planned.Count) * IRecipientBatches.MaxBatchSize;
            if (wanted > 0)
            {
                var seqs = (await connection.QueryAsync<long>(RecipientQueries.UnplannedAfter, new { campaignId, after = end, limit = wanted }, transaction).ConfigureAwait(false)).AsList();
                var next = (int)lastBatch.Value;
                foreach (var chunk in seqs.Chunk(IRecipientBatches.MaxBatchSize))
                {
                    var args = new { campaignId, batch = ++next, firstSeq = chunk[0], lastSeq = chunk[^1], count = chunk.Length };
                    await connection.ExecuteAsync(RecipientQueries.AssignBatch, args, transaction).ConfigureAwait(false);
                    await connection.ExecuteAsync(RecipientQueries.InsertBatch, args, transaction).ConfigureAwait(false);
                    batches.Add(new BatchRef(campaignId, next, chunk.Length));
                    end = chunk[^1];
                }
                await connection.ExecuteAsync(RecipientQueries.SetLastBatch, new { campaignId, lastBatch = next }, transaction).ConfigureAwait(false);
            }
            return new BatchPlan(batches, end);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ClaimedRecipient>> ClaimBatchAsync(string campaignId, int batch, string token, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        RequireId(token, nameof(token));
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "Batch numbers start at 1.");
        var args = new { campaignId, batch, token, now = UnixTime.Ms(now), leaseUntil = UnixTime.Ms(now + _database.Options.ClaimLease) };
        return _database.WriteAsync(async (connection, transaction) =>
        {
            // Re-claims first: their rows are already counted as sending, while rows claimed from queued move counters.
            var reclaimed = await connection.QueryAsync<ClaimedRow>(RecipientQueries.ReclaimSending, args, transaction).ConfigureAwait(false);
            var claimed = (await connection.QueryAsync<ClaimedRow>(RecipientQueries.ClaimQueued, args, transaction).ConfigureAwait(false)).AsList();
            var deltas = new CountDeltas();
            foreach (var row in claimed) deltas.Move(row.Domain, RecipientStatusNames.Queued, RecipientStatusNames.Sending);
            await _database.Bulk.ApplyCountsAsync(connection, transaction, campaignId, deltas).ConfigureAwait(false);
            return (IReadOnlyList<ClaimedRecipient>)reclaimed.Concat(claimed).OrderBy(r => r.Sequence).Select(r => r.ToClaimed()).ToList();
        }, cancellationToken);
    }

    public Task<RecordOutcome> RecordResultsAsync(string campaignId, string token, IReadOnlyList<RecipientResult> results, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        RequireId(token, nameof(token));
        ArgumentNullException.ThrowIfNull(results);
        ValidateResults(results);
        if (results.Count == 0) return Task.FromResult(new RecordOutcome(0, 0));
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var changed = await _database.Bulk.ApplyResultsAsync(connection, transaction, campaignId, token, results, UnixTime.Ms(now)).ConfigureAwait(false);
            var deltas = new CountDeltas();
            foreach (var (domain, status) in changed) deltas.Move(domain, RecipientStatusNames.Sending, status);
            await _database.Bulk.ApplyCountsAsync(connection, transaction, campaignId, deltas).ConfigureAwait(false);
            return new RecordOutcome(changed.Count, results.Count - changed.Count);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<int>> FindUnfinishedBatchesAsync(string campaignId, int limit, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "Ask for at least one batch.");
        var batches = await _database.ReadAsync(c => c.QueryAsync<long>(RecipientQueries.UnfinishedBatches, new { campaignId, limit }), cancellationToken).ConfigureAwait(false);
        return batches.Select(b => (int)b).ToList();
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

    private sealed class PlannedBatch
    {
        public long Batch { get; init; }
        public long LastSeq { get; init; }
        public long Count { get; init; }
    }

    private sealed class ClaimedRow
    {
        public long Sequence { get; init; }
        public string Address { get; init; } = "";
        public string NormalizedAddress { get; init; } = "";
        public string? Name { get; init; }
        public string? TemplateData { get; init; }
        public string Domain { get; init; } = "";
        public long Attempt { get; init; }

        public ClaimedRecipient ToClaimed() => new(Sequence, Address, NormalizedAddress, Name, TemplateData, Domain, (int)Attempt);
    }
}
