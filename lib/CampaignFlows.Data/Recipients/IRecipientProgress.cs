namespace CampaignFlows.Data.Recipients;

/// <summary>Cheap progress figures of a campaign and the feedback that changes them.</summary>
public interface IRecipientProgress
{
    /// <summary>The campaign's counts by status (all zero for an unknown campaign).</summary>
    Task<RecipientCounts> GetCountsAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>The counts of the <paramref name="top"/> largest recipient domains of the campaign, largest first.</summary>
    Task<IReadOnlyList<DomainCounts>> GetDomainCountsAsync(string campaignId, int top, CancellationToken cancellationToken = default);

    /// <summary>The recipient an SES message id was recorded for, or null.</summary>
    Task<RecipientKey?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a feedback event: delivered marks delivery once; a bounce moves a sent recipient to bounced; a complaint
    /// moves a sent recipient to complained. A change also counts in the delivery statistics (the campaign's, and the
    /// account's it was sent through) in the bucket of <paramref name="countedAt"/>, in the same transaction, so the
    /// statistics the health gates read hold every applied event exactly once. Returns null for an unknown message id.
    /// </summary>
    Task<FeedbackApplied?> RecordFeedbackAsync(RecipientFeedback feedback, DateTimeOffset countedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies several feedback events in one transaction, each as <see cref="RecordFeedbackAsync"/>
    /// would, in order; the answers are in the same order. One commit and one update of each counter row for all of them:
    /// the counters a campaign's events share are what one-at-a-time writes queue on.
    /// </summary>
    Task<IReadOnlyList<FeedbackApplied?>> RecordFeedbackBatchAsync(IReadOnlyList<RecipientFeedback> feedback, DateTimeOffset countedAt,
        CancellationToken cancellationToken = default);
}
