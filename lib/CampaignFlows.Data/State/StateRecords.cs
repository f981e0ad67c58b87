namespace CampaignFlows.Data.State;

/// <summary>A template switched off by the kill switch.</summary>
/// <param name="Template">The template name.</param>
/// <param name="Reason">Why it was blocked.</param>
/// <param name="At">When.</param>
public sealed record BlockedTemplate(string Template, string Reason, DateTimeOffset At);

/// <summary>The circuit state of one SES account, shared by every host.</summary>
/// <param name="Account">The account (or account/region) name.</param>
/// <param name="State">The state, e.g. <c>closed</c>, <c>open</c>, <c>half-open</c>, <c>paused</c>, <c>quota-exhausted</c>.</param>
/// <param name="Reason">Why it is in that state.</param>
/// <param name="Until">When the state should be re-evaluated, if it expires.</param>
/// <param name="UpdatedAt">When it was last set.</param>
public sealed record AccountCircuit(string Account, string State, string? Reason, DateTimeOffset? Until, DateTimeOffset UpdatedAt);

/// <summary>One message that went to the dead-letter queue, and why.</summary>
/// <param name="CampaignId">The campaign it belonged to, or null for transactional mail.</param>
/// <param name="Address">The recipient.</param>
/// <param name="Reason">Why no account could take it.</param>
/// <param name="QueueMessageId">The dead-letter queue's message id, if known.</param>
/// <param name="At">When.</param>
public sealed record DeadLetterEntry(string? CampaignId, string Address, string Reason, string? QueueMessageId, DateTimeOffset At);

/// <summary>A campaign's stored definition.</summary>
/// <param name="CampaignId">The campaign id.</param>
/// <param name="Definition">The definition as JSON (template, audience reference, stream, priority, schedule).</param>
/// <param name="CreatedAt">When it was first saved.</param>
public sealed record CampaignDefinition(string CampaignId, string Definition, DateTimeOffset CreatedAt);

/// <summary>The figures and decision of one warm-up day.</summary>
/// <param name="WarmupId">The warm-up (dedicated IP or pool).</param>
/// <param name="Day">The day number, from 1.</param>
/// <param name="Planned">The day's planned volume.</param>
/// <param name="Sent">What was actually sent.</param>
/// <param name="Dip">Sent through the dedicated IP.</param>
/// <param name="Shared">Sent through the shared pool.</param>
/// <param name="BounceRate">The day's bounce rate.</param>
/// <param name="ComplaintRate">The day's complaint rate.</param>
/// <param name="Decision">The gate's decision, e.g. <c>advance</c>, <c>hold</c>, <c>pause</c>.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="RecordedAt">When the decision was recorded.</param>
public sealed record WarmupDay(string WarmupId, int Day, long Planned, long Sent, long Dip, long Shared, double BounceRate, double ComplaintRate, string Decision, string? Reason, DateTimeOffset RecordedAt);
