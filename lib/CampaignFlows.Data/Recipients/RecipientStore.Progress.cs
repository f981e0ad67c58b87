using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Recipients;

internal sealed partial class RecipientStore
{
    public async Task<RecipientCounts> GetCountsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        var rows = await ReadCountsAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return ToCounts(rows);
    }

    public async Task<IReadOnlyList<DomainCounts>> GetDomainCountsAsync(string campaignId, int top, CancellationToken cancellationToken = default)
    {
        RequireId(campaignId, nameof(campaignId));
        if (top < 1) throw new ArgumentOutOfRangeException(nameof(top), top, "Ask for at least one domain.");
        var rows = await ReadCountsAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.Domain, StringComparer.Ordinal)
            .Select(g => new DomainCounts(g.Key, ToCounts(g)))
            .OrderByDescending(d => d.Counts.Total).ThenBy(d => d.Domain, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    private Task<List<CountRow>> ReadCountsAsync(string campaignId, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c => (await c.QueryAsync<CountRow>(RecipientQueries.Counts, new { campaignId }).ConfigureAwait(false)).AsList(), cancellationToken);

    private static RecipientCounts ToCounts(IEnumerable<CountRow> rows)
    {
        var byStatus = new Dictionary<RecipientStatus, long>();
        long delivered = 0;
        foreach (var row in rows)
        {
            if (row.Status == RecipientStatusNames.Delivered) delivered += row.N;
            else
            {
                var status = RecipientStatusNames.Parse(row.Status);
                byStatus[status] = byStatus.GetValueOrDefault(status) + row.N;
            }
        }
        return new RecipientCounts(byStatus, delivered);
    }

    public async Task<RecipientKey?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default)
    {
        RequireId(messageId, nameof(messageId));
        var row = await _database.ReadAsync(c => c.QuerySingleOrDefaultAsync<MessageRow>(RecipientQueries.ByMessageId, new { messageId }), cancellationToken).ConfigureAwait(false);
        return row?.ToKey();
    }

    public Task<FeedbackApplied?> RecordFeedbackAsync(RecipientFeedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        RequireId(feedback.MessageId, nameof(feedback.MessageId));
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(RecipientQueries.ByMessageId, new { messageId = feedback.MessageId }, transaction).ConfigureAwait(false);
            if (row is null) return null;
            var at = UnixTime.Ms(feedback.At);
            var target = new { campaignId = row.CampaignId, address = row.NormalizedAddress, at };
            var deltas = new CountDeltas();
            bool changed;
            if (feedback.Kind == FeedbackKind.Delivered)
            {
                changed = await connection.ExecuteAsync(RecipientQueries.MarkDelivered, target, transaction).ConfigureAwait(false) == 1;
                if (changed) deltas.Add(row.Domain, RecipientStatusNames.Delivered, 1);
            }
            else
            {
                var (status, reason) = feedback.Kind switch
                {
                    FeedbackKind.HardBounce => (RecipientStatusNames.Bounced, "hard bounce"),
                    FeedbackKind.SoftBounce => (RecipientStatusNames.Bounced, "soft bounce"),
                    FeedbackKind.Complaint => (RecipientStatusNames.Complained, "complaint"),
                    _ => throw new ArgumentException($"Unknown feedback kind {feedback.Kind}.", nameof(feedback)),
                };
                changed = await connection.ExecuteAsync(RecipientQueries.MoveFromSent, new { target.campaignId, target.address, at, status, reason }, transaction).ConfigureAwait(false) == 1;
                if (changed) deltas.Move(row.Domain, RecipientStatusNames.Sent, status);
            }
            await _database.Bulk.ApplyCountsAsync(connection, transaction, row.CampaignId, deltas).ConfigureAwait(false);
            return new FeedbackApplied(row.ToKey(), changed);
        }, cancellationToken);
    }

    private sealed class CountRow
    {
        public string Domain { get; init; } = "";
        public string Status { get; init; } = "";
        public long N { get; init; }
    }

    private sealed class MessageRow
    {
        public string CampaignId { get; init; } = "";
        public string NormalizedAddress { get; init; } = "";
        public string Address { get; init; } = "";
        public string? Account { get; init; }
        public string Status { get; init; } = "";
        public string Domain { get; init; } = "";

        public RecipientKey ToKey() => new(CampaignId, NormalizedAddress, Address, Account, RecipientStatusNames.Parse(Status));
    }
}
