namespace CampaignFlows.Domain;

/// <summary>Whether a template may be sent to a recipient, and why not.</summary>
/// <param name="Allowed">True when the mail may go.</param>
/// <param name="Reason">Why it may not; null when allowed.</param>
public sealed record SendPermission(bool Allowed, string? Reason)
{
    /// <summary>The mail may go.</summary>
    public static SendPermission Granted { get; } = new(true, null);
}
