namespace CampaignFlows.Sandbox.Ses;

/// <summary>
/// What happens to one recipient, with the bounce details SES reports for it. Name is the word in the sent-message
/// log; simulator and suppressed addresses do not count for reputation, as in SES.
/// </summary>
internal sealed record RecipientOutcome(
    string Name,
    bool Delivered,
    bool Complains,
    string? BounceType,
    string? BounceSubType,
    string? Status,
    string? DiagnosticCode,
    bool CountsForReputation)
{
    public bool Bounced => BounceType is not null;

    /// <summary>The outcome of a one-recipient message as the log lists it, shared by every such message.</summary>
    public IReadOnlyList<string> Names { get; } = Array.AsReadOnly([Name]);

    private static readonly RecipientOutcome[] DeliveredOutcomes = [.. new[] { false, true }.Select(c => new RecipientOutcome("Delivery", true, false, null, null, null, null, c))];

    private static readonly RecipientOutcome[] Complained = [.. new[] { false, true }.Select(c => new RecipientOutcome("Complaint", true, true, null, null, null, null, c))];

    private static readonly RecipientOutcome[] HardBounced =
        [.. new[] { false, true }.Select(c => new RecipientOutcome("Bounce", false, false, "Permanent", "General", "5.1.1", "smtp; 550 5.1.1 user unknown", c))];

    // Shared instances: outcomes are decided per recipient on the send path and must not allocate.
    public static RecipientOutcome Delivery(bool countsForReputation) => DeliveredOutcomes[countsForReputation ? 1 : 0];

    public static RecipientOutcome Complaint(bool countsForReputation) => Complained[countsForReputation ? 1 : 0];

    public static RecipientOutcome HardBounce(bool countsForReputation) => HardBounced[countsForReputation ? 1 : 0];

    public static RecipientOutcome SimulatorSuppressed { get; } =
        new("Suppressed", false, false, "Permanent", "Suppressed", "5.1.1",
            "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.", false);

    public static RecipientOutcome OnAccountSuppressionList { get; } =
        new("Suppressed", false, false, "Permanent", "OnAccountSuppressionList", "5.1.1",
            "Amazon SES did not send the message to this address because it is on the suppression list for your account.", false);

    public static RecipientOutcome RenderingFailure { get; } =
        new("RenderingFailure", false, false, null, null, null, null, false);
}
