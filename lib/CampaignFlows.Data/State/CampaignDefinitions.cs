using System.Text.Json;
using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.State;

/// <summary>Campaign definitions on either provider.</summary>
internal sealed class CampaignDefinitions(CampaignDatabase database) : ICampaignDefinitions
{
    public Task<(CampaignDefinition Definition, bool Created)> SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        StateGuard.Required(definition.CampaignId, nameof(definition.CampaignId));
        RequireJson(definition);
        var args = new { definition.CampaignId, definition.Definition, at = UnixTime.Ms(definition.CreatedAt) };
        return database.WriteAsync(async (c, t) =>
        {
            var created = await c.ExecuteAsync(StateQueries.SaveDefinition, args, t).ConfigureAwait(false) == 1;
            var stored = await c.QuerySingleAsync<Row>(StateQueries.DefinitionColumns + " WHERE campaign_id = @CampaignId", args, t).ConfigureAwait(false);
            return (stored.ToDefinition(), created);
        }, cancellationToken);
    }

    public async Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StateGuard.Required(campaignId, nameof(campaignId));
        var row = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<Row>(StateQueries.DefinitionColumns + " WHERE campaign_id = @campaignId", new { campaignId }), cancellationToken).ConfigureAwait(false);
        return row?.ToDefinition();
    }

    public async Task<IReadOnlyList<CampaignDefinition>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        StateGuard.Limit(limit, nameof(limit));
        var rows = await database.ReadAsync(c => c.QueryAsync<Row>(StateQueries.DefinitionColumns + " ORDER BY created_at DESC, campaign_id LIMIT @limit", new { limit }), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToDefinition()).ToList();
    }

    private static void RequireJson(CampaignDefinition definition)
    {
        try
        {
            using var document = JsonDocument.Parse(definition.Definition ?? "");
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"The definition of campaign {definition.CampaignId} is not valid JSON: {error.Message}", nameof(definition), error);
        }
    }

    private sealed class Row
    {
        public string CampaignId { get; init; } = "";
        public string Definition { get; init; } = "";
        public long CreatedAt { get; init; }

        public CampaignDefinition ToDefinition() => new(CampaignId, Definition, UnixTime.From(CreatedAt));
    }
}
