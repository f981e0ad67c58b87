namespace CampaignFlows.Domain;

/// <summary>How long a transactional request's first answer stands in for repeats of it.</summary>
/// <param name="Length">The window (default 5 seconds).</param>
public sealed record DebounceWindow(TimeSpan Length)
{
    /// <summary>The design's default of 5 seconds.</summary>
    public static DebounceWindow Default { get; } = new(TimeSpan.FromSeconds(5));

    /// <summary>Whether a request at <paramref name="now"/> repeats one first seen at <paramref name="firstSeenAt"/>.</summary>
    /// <param name="firstSeenAt">When the first request with the same key arrived.</param>
    /// <param name="now">When this one arrived.</param>
    /// <remarks>True while the first is still in flight too: the window runs from its arrival, not its answer.</remarks>
    public bool IsRepeat(DateTimeOffset firstSeenAt, DateTimeOffset now) => now >= firstSeenAt && now - firstSeenAt < Length;
}
