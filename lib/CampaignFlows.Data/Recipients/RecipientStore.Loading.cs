using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Recipients;

internal sealed partial class RecipientStore
{
    public Task<AddChunkResult> AddChunkAsync(string campaignId, IReadOnlyList<RecipientRow> rows, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++) ValidateRow(rows[i], i);
        if (rows.Count == 0) return Task.FromResult(new AddChunkResult(0, 0, 0));
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var args = new { campaignId, count = (long)rows.Count };
            await connection.ExecuteAsync(RecipientQueries.EnsureCampaign, args, transaction).ConfigureAwait(false);
            var firstSeq = await connection.ExecuteScalarAsync<long>(RecipientQueries.ReserveSequence, args, transaction).ConfigureAwait(false);
            var inserted = await _database.Bulk.InsertAsync(connection, transaction, campaignId, firstSeq, rows, UnixTime.Ms(now)).ConfigureAwait(false);
            var deltas = new CountDeltas();
            var rejected = 0;
            foreach (var (domain, status) in inserted)
            {
                deltas.Add(domain, status, 1);
                if (status == RecipientStatusNames.Rejected) rejected++;
            }
            await _database.Bulk.ApplyCountsAsync(connection, transaction, campaignId, deltas).ConfigureAwait(false);
            return new AddChunkResult(inserted.Count, rows.Count - inserted.Count, rejected);
        }, cancellationToken);
    }

    private static void ValidateRow(RecipientRow row, int index)
    {
        if (row is null) throw new ArgumentException($"Row {index} is null.", "rows");
        if (string.IsNullOrWhiteSpace(row.Address)) throw new ArgumentException($"Row {index} has no address.", "rows");
        if (string.IsNullOrWhiteSpace(row.NormalizedAddress)) throw new ArgumentException($"Row {index} ({row.Address}) has no normalized address.", "rows");
        if (string.IsNullOrWhiteSpace(row.Domain)) throw new ArgumentException($"Row {index} ({row.Address}) has no domain.", "rows");
        if (double.IsNaN(row.Engagement) || double.IsInfinity(row.Engagement)) throw new ArgumentException($"Row {index} ({row.Address}) has an engagement score that is not a number.", "rows");
    }

    public Task<int> ExcludeSuppressedAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExcludeWithAsync(campaignId, RecipientQueries.ExcludeSuppressed, new { campaignId, now = UnixTime.Ms(now) }, RecipientStatus.Suppressed, cancellationToken);

    public Task<int> ExcludeUnverifiedAsync(string campaignId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        RequireId(reason, nameof(reason));
        return ExcludeWithAsync(campaignId, RecipientQueries.ExcludeUnverified, new { campaignId, reason, now = UnixTime.Ms(now) }, RecipientStatus.Blocked, cancellationToken);
    }

    public Task<int> ExcludeRemainingAsync(string campaignId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        RequireId(reason, nameof(reason));
        return ExcludeWithAsync(campaignId, RecipientQueries.ExcludeRemaining, new { campaignId, reason, now = UnixTime.Ms(now) }, RecipientStatus.Blocked, cancellationToken);
    }

    public Task<int> ExcludeAsync(string campaignId, IReadOnlyCollection<string> normalizedAddresses, RecipientStatus status, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        RequireId(reason, nameof(reason));
        ArgumentNullException.ThrowIfNull(normalizedAddresses);
        if (status is not (RecipientStatus.Suppressed or RecipientStatus.Blocked or RecipientStatus.Rejected))
            throw new ArgumentException($"Recipients can only be excluded as suppressed, blocked or rejected, not {status}.", nameof(status));
        var to = RecipientStatusNames.Name(status);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var deltas = new CountDeltas();
            var moved = 0;
            foreach (var address in normalizedAddresses.Distinct(StringComparer.Ordinal))
                moved += await MoveAsync(connection, transaction, RecipientQueries.ExcludeOne, new { campaignId, address, status = to, reason, now = UnixTime.Ms(now) }, RecipientStatusNames.Queued, to, deltas).ConfigureAwait(false);
            await _database.Bulk.ApplyCountsAsync(connection, transaction, campaignId, deltas).ConfigureAwait(false);
            return moved;
        }, cancellationToken);
    }

    private Task<int> ExcludeWithAsync(string campaignId, string sql, object parameters, RecipientStatus status, CancellationToken cancellationToken)
    {
        RequireId(campaignId, nameof(campaignId));
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var deltas = new CountDeltas();
            var moved = await MoveAsync(connection, transaction, sql, parameters, RecipientStatusNames.Queued, RecipientStatusNames.Name(status), deltas).ConfigureAwait(false);
            await _database.Bulk.ApplyCountsAsync(connection, transaction, campaignId, deltas).ConfigureAwait(false);
            return moved;
        }, cancellationToken);
    }
}
