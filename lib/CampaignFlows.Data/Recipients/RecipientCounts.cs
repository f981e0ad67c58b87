namespace CampaignFlows.Data.Recipients;

/// <summary>How many recipients are in each status (for a campaign, or one domain of it).</summary>
/// <remarks>Read from counters kept in step with every status change, so it costs no scan of the recipients.</remarks>
public sealed record RecipientCounts
{
    private readonly IReadOnlyDictionary<RecipientStatus, long> _byStatus;

    /// <summary>Builds the counts from a status → count map; missing statuses count zero.</summary>
    public RecipientCounts(IReadOnlyDictionary<RecipientStatus, long> byStatus, long delivered)
    {
        _byStatus = byStatus;
        Delivered = delivered;
    }

    /// <summary>The count in one status.</summary>
    public long this[RecipientStatus status] => _byStatus.GetValueOrDefault(status);

    /// <summary>Recipients waiting to be sent.</summary>
    public long Queued => this[RecipientStatus.Queued];

    /// <summary>Recipients claimed and not yet recorded.</summary>
    public long Sending => this[RecipientStatus.Sending];

    /// <summary>Recipients accepted by SES (not counting those that later bounced or complained).</summary>
    public long Sent => this[RecipientStatus.Sent];

    /// <summary>Every recipient loaded, in any status.</summary>
    public long Total => _byStatus.Values.Sum();

    /// <summary>Recipients whose delivery SES confirmed, counted once each whatever their later status.</summary>
    public long Delivered { get; }

    /// <summary>Recipients SES has accepted at some point: sent, bounced or complained.</summary>
    public long Accepted => Sent + this[RecipientStatus.Bounced] + this[RecipientStatus.Complained];

    /// <summary>Recipients that will not be sent again: everything but queued and sending.</summary>
    public long Finished => Total - Queued - Sending;

    /// <summary>No recipients at all.</summary>
    public static RecipientCounts Empty { get; } = new(new Dictionary<RecipientStatus, long>(), 0);
}

/// <summary>The counts of one recipient domain within a campaign.</summary>
/// <param name="Domain">The domain, e.g. <c>gmail.com</c>.</param>
/// <param name="Counts">Its counts by status.</param>
public sealed record DomainCounts(string Domain, RecipientCounts Counts);
