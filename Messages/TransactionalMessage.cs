namespace CampaignFlows.Messages;

/// <summary>A validated transactional mail: the input of the transactional orchestration.</summary>
/// <param name="Stream">The stream it goes on.</param>
/// <param name="Priority">The stream's priority class.</param>
/// <param name="Accounts">The accounts carrying the stream, in failover order.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The normalised recipient.</param>
/// <param name="TemplateName">The template's name (SES's, or the inline one's).</param>
/// <param name="Content">The rendered inline message; null for an SES template.</param>
/// <param name="TemplateData">The SES template's data as JSON; null for an inline template.</param>
public sealed record TransactionalMessage(string Stream, int Priority, IReadOnlyList<string> Accounts, string From, string To,
    string TemplateName, Domain.RenderedMessage? Content, string? TemplateData);

/// <summary>What became of a transactional mail.</summary>
/// <param name="Status"><see cref="Sent"/> or <see cref="DeadLettered"/>.</param>
/// <param name="MessageId">SES's message id when sent.</param>
/// <param name="Account">The account that sent it.</param>
/// <param name="Reason">Why no account could send it.</param>
public sealed record TransactionalOutcome(string Status, string? MessageId, string? Account, string? Reason)
{
    /// <summary>SES accepted the mail.</summary>
    public const string Sent = "sent";

    /// <summary>No account could take it; it is on the dead-letter queue.</summary>
    public const string DeadLettered = "dead-lettered";
}
