namespace CampaignFlows.Data.Recipients;

/// <summary>Where one recipient of one campaign stands.</summary>
public enum RecipientStatus
{
    /// <summary>Loaded and waiting to be sent (possibly already planned into a batch, or re-queued after a throttle).</summary>
    Queued,
    /// <summary>Claimed by a sender under an attempt token; not yet recorded.</summary>
    Sending,
    /// <summary>Accepted by SES; has a message id.</summary>
    Sent,
    /// <summary>On the suppression list; never sent.</summary>
    Suppressed,
    /// <summary>Excluded by a sending rule (template blocklist, verified-only template); never sent.</summary>
    Blocked,
    /// <summary>Invalid input (bad address, missing data); never sent.</summary>
    Rejected,
    /// <summary>SES refused it permanently.</summary>
    Failed,
    /// <summary>No account could take it; it went to the dead-letter queue.</summary>
    DeadLettered,
    /// <summary>Sent, then bounced (hard or soft).</summary>
    Bounced,
    /// <summary>Sent, then reported as spam.</summary>
    Complained,
}
