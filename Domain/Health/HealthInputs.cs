namespace CampaignFlows.Domain;

/// <summary>What the campaign health gate looks at.</summary>
/// <param name="Reputation">Outcomes over the reputation window (bounces and complaints against sent).</param>
/// <param name="ErrorWindows">Consecutive error-rate windows, oldest first.</param>
/// <param name="Quota">The sending account's quota, or null when unknown.</param>
public sealed record HealthInputs(SendCounts Reputation, IReadOnlyList<SendCounts> ErrorWindows, AccountQuota? Quota = null);
