namespace CampaignFlows.Data.State;

/// <summary>The circuit state of one SES account, shared by every host.</summary>
/// <param name="Account">The account (or account/region) name.</param>
/// <param name="State">The state, e.g. <c>closed</c>, <c>open</c>, <c>half-open</c>, <c>paused</c>, <c>quota-exhausted</c>.</param>
/// <param name="Reason">Why it is in that state.</param>
/// <param name="Until">When the state should be re-evaluated, if it expires.</param>
/// <param name="UpdatedAt">When it was last set.</param>
public sealed record AccountCircuit(string Account, string State, string? Reason, DateTimeOffset? Until, DateTimeOffset UpdatedAt);
