namespace CampaignFlows.Domain;

/// <summary>One valid recipient of an audience.</summary>
/// <param name="Email">The normalised address.</param>
/// <param name="Name">The recipient's name, when the audience has one.</param>
/// <param name="EngagementScore">0 to 100, when the audience has one.</param>
/// <param name="Data">Template data: every column but the address and the score, by header name (the name included).</param>
public sealed record AudienceRecipient(
    EmailAddress Email,
    string? Name,
    int? EngagementScore,
    IReadOnlyDictionary<string, string> Data);
