using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Suppressions;

/// <summary>The suppression list on either provider.</summary>
internal sealed class SuppressionList : ISuppressionList
{
    private readonly CampaignDatabase _database;

    public SuppressionList(CampaignDatabase database) => _database = database;

    public Task<int> AddAsync(IReadOnlyList<SuppressionEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null || string.IsNullOrWhiteSpace(entries[i].Address)) throw new ArgumentException($"Suppression entry {i} has no address.", nameof(entries));
            if (string.IsNullOrWhiteSpace(entries[i].Source)) throw new ArgumentException($"Suppression entry {i} ({entries[i].Address}) has no source.", nameof(entries));
            if (!Enum.IsDefined(entries[i].Reason)) throw new ArgumentException($"Suppression entry {i} ({entries[i].Address}) has an unknown reason {entries[i].Reason}.", nameof(entries));
        }
        if (entries.Count == 0) return Task.FromResult(0);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var added = 0;
            foreach (var entry in entries.OrderBy(e => e.Address, StringComparer.Ordinal))
            {
                var exists = await connection.ExecuteScalarAsync<long>(SuppressionQueries.Exists, new { address = entry.Address }, transaction).ConfigureAwait(false) > 0;
                await connection.ExecuteAsync(SuppressionQueries.Upsert, new { entry.Address, Reason = ReasonName(entry.Reason), entry.Source, At = UnixTime.Ms(entry.At) }, transaction).ConfigureAwait(false);
                if (!exists) added++;
            }
            return added;
        }, cancellationToken);
    }

    public Task<bool> RemoveAsync(string address, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(address)) throw new ArgumentException("The address is empty.", nameof(address));
        return _database.WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(SuppressionQueries.Remove, new { address }, transaction).ConfigureAwait(false) > 0, cancellationToken);
    }

    public async Task<IReadOnlyList<SuppressionEntry>> FindAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var distinct = addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0) return [];
        return await _database.ReadAsync(async connection =>
        {
            if (_database.IsPostgres)
                return (await connection.QueryAsync<EntryRow>(SuppressionQueries.FindPostgres, new { addresses = distinct }).ConfigureAwait(false)).Select(r => r.ToEntry()).ToList();
            var found = new List<SuppressionEntry>();
            foreach (var chunk in distinct.Chunk(SuppressionQueries.FindChunk))
                found.AddRange((await connection.QueryAsync<EntryRow>(SuppressionQueries.FindSqlite, new { addresses = chunk }).ConfigureAwait(false)).Select(r => r.ToEntry()));
            return found;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SuppressionPage> ListAsync(string? after, int limit, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(limit), limit, "A page holds 1 to 10,000 entries.");
        var rows = await _database.ReadAsync(async c => (await c.QueryAsync<EntryRow>(SuppressionQueries.Page, new { after = after ?? "", limit }).ConfigureAwait(false)).AsList(), cancellationToken).ConfigureAwait(false);
        var entries = rows.Select(r => r.ToEntry()).ToList();
        return new SuppressionPage(entries, entries.Count == limit ? entries[^1].Address : null);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync(c => c.ExecuteScalarAsync<long>(SuppressionQueries.Count), cancellationToken);

    private static string ReasonName(SuppressionReason reason) => reason switch
    {
        SuppressionReason.HardBounce => "hard_bounce",
        SuppressionReason.Complaint => "complaint",
        _ => "manual",
    };

    private static SuppressionReason ParseReason(string name) => name switch
    {
        "hard_bounce" => SuppressionReason.HardBounce,
        "complaint" => SuppressionReason.Complaint,
        "manual" => SuppressionReason.Manual,
        _ => throw new InvalidOperationException($"Unknown suppression reason '{name}' in the database."),
    };

    private sealed class EntryRow
    {
        public string Address { get; init; } = "";
        public string Reason { get; init; } = "";
        public string Source { get; init; } = "";
        public long At { get; init; }

        public SuppressionEntry ToEntry() => new(Address, ParseReason(Reason), Source, UnixTime.From(At));
    }
}
