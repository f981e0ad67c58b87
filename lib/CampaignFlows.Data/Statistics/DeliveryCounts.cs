namespace CampaignFlows.Data.Statistics;

/// <summary>Counts of send and feedback events; used both as an increment to record and as a window's totals.</summary>
/// <param name="Sent">Messages SES accepted.</param>
/// <param name="Delivered">Delivery confirmations.</param>
/// <param name="HardBounced">Permanent bounces.</param>
/// <param name="SoftBounced">Transient bounces SES gave up on.</param>
/// <param name="Complained">Spam complaints.</param>
/// <param name="SendErrors">Send attempts that failed (throttles excluded: they are retried, not errors).</param>
/// <param name="Throttled">Send attempts SES throttled (retried without spending an attempt).</param>
public sealed record DeliveryCounts(long Sent = 0, long Delivered = 0, long HardBounced = 0, long SoftBounced = 0, long Complained = 0, long SendErrors = 0,
    long Throttled = 0)
{
    /// <summary>All zero.</summary>
    public static DeliveryCounts None { get; } = new();

    /// <summary>Hard and soft bounces.</summary>
    public long Bounced => HardBounced + SoftBounced;

    /// <summary>Bounces per message sent (SES's account-health figure; 0 when nothing was sent).</summary>
    public double BounceRate => Sent == 0 ? 0 : (double)Bounced / Sent;

    /// <summary>Hard bounces per message sent.</summary>
    public double HardBounceRate => Sent == 0 ? 0 : (double)HardBounced / Sent;

    /// <summary>Complaints per message sent.</summary>
    public double ComplaintRate => Sent == 0 ? 0 : (double)Complained / Sent;

    /// <summary>Failed attempts per attempt (sent plus failed).</summary>
    public double ErrorRate => Sent + SendErrors == 0 ? 0 : (double)SendErrors / (Sent + SendErrors);

    /// <summary>True when every count is zero.</summary>
    public bool IsEmpty => this == None;

    /// <summary>The counts added up.</summary>
    public static DeliveryCounts operator +(DeliveryCounts a, DeliveryCounts b) => new(a.Sent + b.Sent, a.Delivered + b.Delivered,
        a.HardBounced + b.HardBounced, a.SoftBounced + b.SoftBounced, a.Complained + b.Complained, a.SendErrors + b.SendErrors, a.Throttled + b.Throttled);
}

/// <summary>One time bucket of a scope's counts.</summary>
/// <param name="Start">The bucket's start.</param>
/// <param name="Counts">The counts recorded in it.</param>
public sealed record DeliveryBucket(DateTimeOffset Start, DeliveryCounts Counts);
