using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.State;

/// <summary>The template kill switch on either provider.</summary>
internal sealed class TemplateBlocklist(CampaignDatabase database) : ITemplateBlocklist
{
    public Task BlockAsync(string template, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        StateGuard.Required(template, nameof(template));
        StateGuard.Required(reason, nameof(reason));
        return database.WriteAsync((c, t) => c.ExecuteAsync(StateQueries.BlockTemplate, new { template, reason, at = UnixTime.Ms(at) }, t), cancellationToken);
    }

    public Task<bool> UnblockAsync(string template, CancellationToken cancellationToken = default)
    {
        StateGuard.Required(template, nameof(template));
        return database.WriteAsync(async (c, t) => await c.ExecuteAsync(StateQueries.UnblockTemplate, new { template }, t).ConfigureAwait(false) > 0, cancellationToken);
    }

    public async Task<BlockedTemplate?> FindAsync(string template, CancellationToken cancellationToken = default)
    {
        StateGuard.Required(template, nameof(template));
        var row = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<Row>(StateQueries.BlockedColumns + " WHERE template = @template", new { template }), cancellationToken).ConfigureAwait(false);
        return row?.ToBlocked();
    }

    public async Task<IReadOnlyList<BlockedTemplate>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(c => c.QueryAsync<Row>(StateQueries.BlockedColumns + " ORDER BY template"), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToBlocked()).ToList();
    }

    private sealed class Row
    {
        public string Template { get; init; } = "";
        public string Reason { get; init; } = "";
        public long At { get; init; }

        public BlockedTemplate ToBlocked() => new(Template, Reason, UnixTime.From(At));
    }
}
