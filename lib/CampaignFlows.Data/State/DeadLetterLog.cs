using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.State;

/// <summary>The dead-letter log on either provider.</summary>
internal sealed class DeadLetterLog(CampaignDatabase database) : IDeadLetterLog
{
    public Task AddAsync(IReadOnlyList<DeadLetterEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null) throw new ArgumentException($"Dead-letter entry {i} is null.", nameof(entries));
            if (string.IsNullOrWhiteSpace(entries[i].Address)) throw new ArgumentException($"Dead-letter entry {i} has no address.", nameof(entries));
            if (string.IsNullOrWhiteSpace(entries[i].Reason)) throw new ArgumentException($"Dead-letter entry {i} ({entries[i].Address}) has no reason.", nameof(entries));
        }
        if (entries.Count == 0) return Task.CompletedTask;
        var rows = entries.Select(e => new { e.CampaignId, e.Address, e.Reason, e.QueueMessageId, at = UnixTime.Ms(e.At) }).ToList();
        return database.WriteAsync((c, t) => c.ExecuteAsync(StateQueries.AddDeadLetter, rows, t), cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetterEntry>> ListAsync(string? campaignId, int limit, CancellationToken cancellationToken = default)
    {
        StateGuard.Limit(limit, nameof(limit));
        var rows = await database.ReadAsync(c => c.QueryAsync<Row>(StateQueries.ListDeadLetters, new { campaignId, limit }), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new DeadLetterEntry(r.CampaignId, r.Address, r.Reason, r.QueueMessageId, UnixTime.From(r.At))).ToList();
    }

    public Task<long> CountAsync(string? campaignId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<long>(StateQueries.CountDeadLetters, new { campaignId }), cancellationToken);

    private sealed class Row
    {
        public string? CampaignId { get; init; }
        public string Address { get; init; } = "";
        public string Reason { get; init; } = "";
        public string? QueueMessageId { get; init; }
        public long At { get; init; }
    }
}
