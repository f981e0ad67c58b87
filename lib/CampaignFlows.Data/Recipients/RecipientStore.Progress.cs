using System.Data.Common;
using CampaignFlows.Data.Statistics;
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

    public async Task<FeedbackApplied?> RecordFeedbackAsync(RecipientFeedback feedback, DateTimeOffset countedAt, CancellationToken cancellationToken = default) =>
        (await RecordFeedbackBatchAsync([feedback], countedAt, cancellationToken).ConfigureAwait(false))[0];

    public Task<IReadOnlyList<FeedbackApplied?>> RecordFeedbackBatchAsync(IReadOnlyList<RecipientFeedback> feedback, DateTimeOffset countedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        foreach (var item in feedback)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(feedback));
            RequireId(item.MessageId, nameof(feedback));
            if (item.Kind is not (FeedbackKind.Delivered or FeedbackKind.HardBounce or FeedbackKind.SoftBounce or FeedbackKind.Complaint))
                throw new ArgumentException($"Unknown feedback kind {item.Kind}.", nameof(feedback));
        }
        if (feedback.Count == 0) return Task.FromResult<IReadOnlyList<FeedbackApplied?>>([]);
        return _database.WriteAsync<IReadOnlyList<FeedbackApplied?>>(async (connection, transaction) =>
        {
            var applied = new FeedbackApplied?[feedback.Count];
            var deltas = new SortedDictionary<string, CountDeltas>(StringComparer.Ordinal);
            // Recipient rows in message-id order, so two batches touching the same recipients lock them in the same order.
            foreach (var i in Enumerable.Range(0, feedback.Count).OrderBy(i => feedback[i].MessageId, StringComparer.Ordinal))
            {
                var item = feedback[i];
                var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(RecipientQueries.ByMessageId, new { messageId = item.MessageId }, transaction).ConfigureAwait(false);
                if (row is null) continue;
                if (!deltas.TryGetValue(row.CampaignId, out var campaign)) deltas[row.CampaignId] = campaign = new CountDeltas();
                applied[i] = new FeedbackApplied(row.ToKey(), await ApplyAsync(connection, transaction, row, item, campaign).ConfigureAwait(false));
            }
            // Counter rows last, campaign by campaign in key order, so concurrent transactions lock them in the same order.
            foreach (var (campaignId, campaign) in deltas)
                await _database.Bulk.ApplyCountsAsync(connection, transaction, campaignId, campaign).ConfigureAwait(false);
            var counted = new List<(IReadOnlyList<StatsScope>, DeliveryCounts)>(feedback.Count);
            for (var i = 0; i < feedback.Count; i++)
                if (applied[i] is { Changed: true } change) counted.Add((Scopes(change.Recipient), Counts(feedback[i].Kind)));
            await DeliveryStatistics.AddAsync(_database, connection, transaction, counted, countedAt).ConfigureAwait(false);
            return applied;
        }, cancellationToken);
    }

    private static StatsScope[] Scopes(RecipientKey recipient) =>
        recipient.Account is { } account ? [StatsScope.Campaign(recipient.CampaignId), StatsScope.Account(account)] : [StatsScope.Campaign(recipient.CampaignId)];

    private static DeliveryCounts Counts(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Delivered => new DeliveryCounts(Delivered: 1),
        FeedbackKind.HardBounce => new DeliveryCounts(HardBounced: 1),
        FeedbackKind.SoftBounce => new DeliveryCounts(SoftBounced: 1),
        _ => new DeliveryCounts(Complained: 1),
    };

    /// <summary>One event's change to its recipient row, its counter deltas added to <paramref name="deltas"/>; true when it changed anything.</summary>
    private static async Task<bool> ApplyAsync(DbConnection connection, DbTransaction transaction, MessageRow row,
        RecipientFeedback feedback, CountDeltas deltas)
    {
        var at = UnixTime.Ms(feedback.At);
        if (feedback.Kind == FeedbackKind.Delivered)
        {
            var delivered = await connection.ExecuteAsync(RecipientQueries.MarkDelivered, new { campaignId = row.CampaignId, address = row.NormalizedAddress, at }, transaction)
                .ConfigureAwait(false) == 1;
            if (delivered) deltas.Add(row.Domain, RecipientStatusNames.Delivered, 1);
            return delivered;
        }
        var (status, reason) = feedback.Kind switch
        {
            FeedbackKind.HardBounce => (RecipientStatusNames.Bounced, "hard bounce"),
            FeedbackKind.SoftBounce => (RecipientStatusNames.Bounced, "soft bounce"),
            _ => (RecipientStatusNames.Complained, "complaint"),
        };
        var moved = await connection.ExecuteAsync(RecipientQueries.MoveFromSent, new { campaignId = row.CampaignId, address = row.NormalizedAddress, at, status, reason }, transaction)
            .ConfigureAwait(false) == 1;
        if (moved) deltas.Move(row.Domain, RecipientStatusNames.Sent, status);
        return moved;
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
