namespace CampaignFlows.Data.State;

/// <summary>Campaign definitions as submitted.</summary>
public interface ICampaignDefinitions
{
    /// <summary>Saves a definition unless the id exists; returns the stored one and whether this call created it.</summary>
    Task<(CampaignDefinition Definition, bool Created)> SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>A definition by id, or null.</summary>
    Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> definitions, newest first.</summary>
    Task<IReadOnlyList<CampaignDefinition>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
