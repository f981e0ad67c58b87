namespace CampaignFlows.Domain;

/// <summary>Whether an audience may be sent to, with the rows that stood in the way.</summary>
/// <param name="Accepted">True when the audience may be sent to.</param>
/// <param name="Reason">A sentence for the user.</param>
/// <param name="ValidRows">Rows that gave a recipient.</param>
/// <param name="InvalidRows">Rows refused.</param>
/// <param name="Errors">The first refused rows, each as "line N: reason".</param>
public sealed record AudienceVerdict(bool Accepted, string Reason, long ValidRows, long InvalidRows, IReadOnlyList<string> Errors);
