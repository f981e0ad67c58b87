namespace CampaignFlows.Data.State;

/// <summary>A campaign's stored definition.</summary>
/// <param name="CampaignId">The campaign id.</param>
/// <param name="Definition">The definition as JSON (template, audience reference, stream, priority, schedule).</param>
/// <param name="CreatedAt">When it was first saved.</param>
public sealed record CampaignDefinition(string CampaignId, string Definition, DateTimeOffset CreatedAt);
