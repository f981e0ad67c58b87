namespace CampaignFlows.Sandbox;

/// <summary>One message the sandbox accepted, with what happened to each recipient.</summary>
/// <param name="MessageId">The SES message id returned to the caller.</param>
/// <param name="AccessKeyId">The sending account's access key id.</param>
/// <param name="Region">The region it was sent in.</param>
/// <param name="From">FromEmailAddress.</param>
/// <param name="To">Every recipient (To, Cc, Bcc).</param>
/// <param name="Template">The template name, when sent from a template.</param>
/// <param name="ConfigurationSet">ConfigurationSetName, when given.</param>
/// <param name="Tags">Message tags after bulk replacement tags were applied.</param>
/// <param name="Timestamp">When it was accepted, on the sandbox clock.</param>
/// <param name="Outcome">Delivery, Bounce, Complaint, Suppressed, or RenderingFailure, per recipient.</param>
public sealed record SentMessage(
    string MessageId,
    string AccessKeyId,
    string Region,
    string From,
    IReadOnlyList<string> To,
    string? Template,
    string? ConfigurationSet,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> Outcome);
