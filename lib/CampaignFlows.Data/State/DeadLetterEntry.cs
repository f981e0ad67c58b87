namespace CampaignFlows.Data.State;

/// <summary>One message that went to the dead-letter queue, and why.</summary>
/// <param name="CampaignId">The campaign it belonged to, or null for transactional mail.</param>
/// <param name="Address">The recipient.</param>
/// <param name="Reason">Why no account could take it.</param>
/// <param name="QueueMessageId">The dead-letter queue's message id, if known.</param>
/// <param name="At">When.</param>
public sealed record DeadLetterEntry(string? CampaignId, string Address, string Reason, string? QueueMessageId, DateTimeOffset At);
