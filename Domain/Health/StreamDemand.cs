namespace CampaignFlows.Domain;

/// <summary>A stream's claim on an account's remaining quota.</summary>
/// <param name="Stream">The stream's name (for example <c>transactional</c> or <c>marketing</c>).</param>
/// <param name="Priority">Higher is more important.</param>
/// <param name="Pending">Mails the stream still wants to send in the quota's 24 hours.</param>
public sealed record StreamDemand(string Stream, int Priority, long Pending);
