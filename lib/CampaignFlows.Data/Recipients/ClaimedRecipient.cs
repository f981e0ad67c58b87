namespace CampaignFlows.Data.Recipients;

/// <summary>A recipient handed to a sender by a claim.</summary>
/// <param name="Sequence">The recipient's sequence number in its campaign.</param>
/// <param name="Address">The address to send to.</param>
/// <param name="NormalizedAddress">The key to report the result under.</param>
/// <param name="Name">The display name, if any.</param>
/// <param name="TemplateData">Per-recipient template data (JSON), if any.</param>
/// <param name="Domain">The address's domain.</param>
/// <param name="Attempt">How many claims this recipient has had, this one included (throttles are refunded).</param>
public sealed record ClaimedRecipient(long Sequence, string Address, string NormalizedAddress, string? Name, string? TemplateData, string Domain, int Attempt);
