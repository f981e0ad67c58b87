using CampaignFlows.Sandbox.Ses;

namespace CampaignFlows.Sandbox.Events;

/// <summary>One accepted message and its recipients' outcomes, handed to the event publisher.</summary>
internal sealed record SentMail(
    SandboxAccount Account,
    string Operation,
    string MessageId,
    DateTimeOffset Timestamp,
    string From,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<RecipientOutcome> Outcomes,
    IReadOnlyDictionary<string, string> Tags,
    string? ConfigurationSet,
    string? Template,
    string? RenderingError);
