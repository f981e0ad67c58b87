namespace CampaignFlows.Data.Recipients;

/// <summary>A kind of SES feedback event about one message.</summary>
public enum FeedbackKind
{
    /// <summary>The receiving server accepted the message.</summary>
    Delivered,
    /// <summary>A permanent bounce.</summary>
    HardBounce,
    /// <summary>A transient bounce SES gave up on.</summary>
    SoftBounce,
    /// <summary>The recipient reported the message as spam.</summary>
    Complaint,
}

/// <summary>One feedback event keyed by SES message id.</summary>
/// <param name="MessageId">The SES message id recorded when the recipient was sent.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When SES reported it.</param>
public sealed record RecipientFeedback(string MessageId, FeedbackKind Kind, DateTimeOffset At);

/// <summary>A recipient found by its SES message id.</summary>
/// <param name="CampaignId">The campaign it belongs to.</param>
/// <param name="NormalizedAddress">Its key in the campaign.</param>
/// <param name="Address">The address it was sent to.</param>
/// <param name="Account">The account that sent it.</param>
/// <param name="Status">Its status now.</param>
public sealed record RecipientKey(string CampaignId, string NormalizedAddress, string Address, string? Account, RecipientStatus Status);

/// <summary>What recording a feedback event did.</summary>
/// <param name="Recipient">The recipient the message id belongs to (its status before the event).</param>
/// <param name="Changed">False when the event was a repeat (SQS delivers at least once) or came too late to change anything;
/// callers count statistics only for changed events so repeats are not double-counted.</param>
public sealed record FeedbackApplied(RecipientKey Recipient, bool Changed);
