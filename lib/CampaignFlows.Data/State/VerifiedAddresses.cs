using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.State;

/// <summary>Verified addresses on either provider.</summary>
internal sealed class VerifiedAddresses(CampaignDatabase database) : IVerifiedAddresses
{
    // Keeps SQLite's expanded IN list far below its host-parameter limit.
    private const int SqliteChunk = 500;

    public Task AddAsync(IReadOnlyCollection<string> addresses, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses) StateGuard.Required(address, nameof(addresses));
        var ordered = addresses.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(address => new { address, at = UnixTime.Ms(at) }).ToList();
        return database.WriteAsync((c, t) => c.ExecuteAsync(StateQueries.Verify, ordered, t), cancellationToken);
    }

    public Task<bool> RemoveAsync(string address, CancellationToken cancellationToken = default)
    {
        StateGuard.Required(address, nameof(address));
        return database.WriteAsync(async (c, t) => await c.ExecuteAsync(StateQueries.Unverify, new { address }, t).ConfigureAwait(false) > 0, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindVerifiedAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var distinct = addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal).ToArray();
        var verified = new HashSet<string>(StringComparer.Ordinal);
        if (distinct.Length == 0) return verified;
        await database.ReadAsync(async c =>
        {
            if (database.IsPostgres)
                verified.UnionWith(await c.QueryAsync<string>(StateQueries.VerifiedPostgres, new { addresses = distinct }).ConfigureAwait(false));
            else
                foreach (var chunk in distinct.Chunk(SqliteChunk))
                    verified.UnionWith(await c.QueryAsync<string>(StateQueries.VerifiedSqlite, new { addresses = chunk }).ConfigureAwait(false));
            return verified;
        }, cancellationToken).ConfigureAwait(false);
        return verified;
    }
}
