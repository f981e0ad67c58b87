namespace CampaignFlows.Messages;

/// <summary>The answer to <c>POST /api/messages</c>, repeated as it is for repeats within the debounce window.</summary>
/// <param name="Id">The instance id sending the mail (its status URL is <c>/api/messages/{id}</c>).</param>
/// <param name="Status"><c>sent</c>, <c>dead-lettered</c> or <c>pending</c> (still waiting for SES when the answer was due).</param>
/// <param name="MessageId">SES's message id when sent.</param>
/// <param name="Account">The account that sent it.</param>
/// <param name="Reason">Why no account could send it.</param>
public sealed record MessageAnswer(string Id, string Status, string? MessageId, string? Account, string? Reason)
{
    /// <summary>Still waiting for SES when the answer was due.</summary>
    public const string Pending = "pending";

    /// <summary>Whether the mail's fate is decided.</summary>
    public bool IsFinal => Status != Pending;

    /// <summary>The answer for a finished instance.</summary>
    public static MessageAnswer From(string id, TransactionalOutcome outcome) => new(id, outcome.Status, outcome.MessageId, outcome.Account, outcome.Reason);
}
