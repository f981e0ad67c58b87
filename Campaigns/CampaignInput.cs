namespace CampaignFlows.Campaigns;

/// <summary>The input of <c>CampaignOrchestrator</c>: what to send, to whom, through which stream.</summary>
/// <remarks>
/// Kept small on purpose, because it is stored in the orchestration's history: the audience is a reference to a
/// CSV blob, never the list itself. Warm-ups start one campaign per day and slice with
/// <see cref="AudienceSource.MinEngagementScore"/>, <see cref="AudienceSource.Skip"/> and <see cref="AudienceSource.Limit"/>.
/// </remarks>
/// <param name="CampaignId">The campaign's id; also the orchestration's instance id and the fairness key.</param>
/// <param name="Stream">The stream it belongs to, e.g. <c>marketing</c>; chooses the accounts and the priority class.</param>
/// <param name="FromAddress">The sender address.</param>
/// <param name="Template">What to send.</param>
/// <param name="Audience">Whom to send it to.</param>
/// <param name="PriorityWeight">Its share among campaigns waiting on the same account (weight 9 vs 1 gives 90/10).</param>
/// <param name="ConfigurationSetName">An SES configuration set overriding the account's, e.g. a dedicated-IP pool's.</param>
/// <param name="AttachmentIds">Attachments sent as expiring links.</param>
/// <param name="StartAt">Send no earlier than this time; at once when null.</param>
public sealed record CampaignInput(
    string CampaignId,
    string Stream,
    string FromAddress,
    CampaignTemplate Template,
    AudienceSource Audience,
    int PriorityWeight = 1,
    string? ConfigurationSetName = null,
    IReadOnlyList<string>? AttachmentIds = null,
    DateTimeOffset? StartAt = null);

/// <summary>An SES template by name, or inline parts with <c>{{var}}</c> placeholders.</summary>
/// <param name="TemplateName">A stored SES template; when set the inline parts are ignored.</param>
/// <param name="Subject">The inline subject.</param>
/// <param name="Html">The inline HTML body.</param>
/// <param name="Text">The inline text body.</param>
/// <param name="VerifiedOnly">Send only to verified addresses (e.g. account-security mail).</param>
public sealed record CampaignTemplate(string? TemplateName = null, string? Subject = null, string? Html = null, string? Text = null, bool VerifiedOnly = false);

/// <summary>A CSV audience in the audience store and the slice of it to send to.</summary>
/// <param name="BlobName">The CSV blob (columns: email, name, engagementScore, then template data).</param>
/// <param name="MinEngagementScore">Only rows with a score above this, when set.</param>
/// <param name="Skip">Rows (after the score filter) to skip, for rotating warm-up audiences.</param>
/// <param name="Limit">At most this many rows (after the score filter and skip).</param>
/// <param name="SkipBadRows">Send the good rows of a CSV with bad rows instead of refusing it.</param>
public sealed record AudienceSource(string BlobName, double? MinEngagementScore = null, long? Skip = null, long? Limit = null, bool SkipBadRows = false);
