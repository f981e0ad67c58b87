namespace CampaignFlows.Domain;

/// <summary>The account chosen for a stream, or why none can take it.</summary>
/// <param name="Account">The account to send through; null when none can.</param>
/// <param name="IsProbe">True when the account is half-open and this send is its probe.</param>
/// <param name="DeadLetterReason">When no account can send: the reason to dead-letter the message with.</param>
public sealed record AccountChoice(SesAccount? Account, bool IsProbe, string? DeadLetterReason)
{
    /// <summary>Whether no account can take the message, so it goes to the dead-letter queue.</summary>
    public bool IsDeadLetter => Account is null;
}
