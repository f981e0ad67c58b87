namespace CampaignFlows.Domain;

/// <summary>What the campaign health gate looks at.</summary>
/// <param name="Reputation">Outcomes over the reputation window (bounces and complaints against sent).</param>
/// <param name="ErrorWindows">Consecutive error-rate windows, oldest first.</param>
/// <param name="Quota">The sending account's quota, or null when unknown.</param>
/// <param name="Stream">The stream the campaign sends on; with <paramref name="Streams"/>, only a stream that
/// <see cref="QuotaHolds"/> holds is held, and the others get the alert alone.</param>
/// <param name="Streams">The streams sharing the sending account, with their demand; null holds on the alert alone.</param>
public sealed record HealthInputs(SendCounts Reputation, IReadOnlyList<SendCounts> ErrorWindows, AccountQuota? Quota = null,
    string? Stream = null, IReadOnlyList<StreamDemand>? Streams = null);
