namespace CampaignFlows.Domain;

/// <summary>One row of an audience file: a recipient, or why the row was refused.</summary>
/// <param name="Line">1-based line where the row starts in the file.</param>
/// <param name="Recipient">The recipient when the row is valid.</param>
/// <param name="Error">Why the row was refused, when it was.</param>
public sealed record AudienceRow(long Line, AudienceRecipient? Recipient, string? Error)
{
    /// <summary>Whether the row gave a recipient.</summary>
    public bool IsValid => Recipient is not null;
}
