using System.Collections.Immutable;

namespace CampaignFlows.Domain;

/// <summary>Sending outcomes counted per time bucket, for rates over a sliding window.</summary>
/// <remarks>
/// Immutable: <see cref="Record"/> returns a new counter. Buckets older than <see cref="Retention"/> behind the
/// newest one are dropped on every record, so the counter stays small however long it runs. A window covers the
/// buckets that start in <c>[end - length, end)</c>, so its precision is one bucket.
/// </remarks>
public sealed record SlidingWindowCounter
{
    /// <summary>Creates an empty counter.</summary>
    /// <param name="bucketSize">Width of a bucket; positive.</param>
    /// <param name="retention">How much history to keep; at least one bucket.</param>
    /// <exception cref="DomainValidationException">A non-positive bucket size or a retention shorter than a bucket.</exception>
    public SlidingWindowCounter(TimeSpan bucketSize, TimeSpan retention)
    {
        new Guard()
            .Check(bucketSize > TimeSpan.Zero, "bucketSize", $"must be positive (was {bucketSize}).")
            .Check(retention >= bucketSize, "retention", $"must be at least one bucket of {bucketSize} (was {retention}).")
            .ThrowIfAny();
        BucketSize = bucketSize;
        Retention = retention;
    }

    /// <summary>Width of a bucket.</summary>
    public TimeSpan BucketSize { get; }

    /// <summary>How much history is kept.</summary>
    public TimeSpan Retention { get; }

    /// <summary>Counts by bucket number (UTC ticks ÷ bucket ticks).</summary>
    public ImmutableSortedDictionary<long, SendCounts> Buckets { get; init; } = ImmutableSortedDictionary<long, SendCounts>.Empty;

    /// <summary>Adds counts observed at a moment.</summary>
    /// <param name="at">When the outcomes happened.</param>
    /// <param name="counts">The outcomes.</param>
    /// <returns>A counter including them, with buckets past the retention dropped.</returns>
    public SlidingWindowCounter Record(DateTimeOffset at, SendCounts counts)
    {
        var bucket = BucketOf(at);
        var buckets = Buckets.SetItem(bucket, Buckets.GetValueOrDefault(bucket) + counts);
        var oldest = buckets.Keys.Last() - (Retention.Ticks / BucketSize.Ticks) + 1;
        foreach (var stale in buckets.Keys.TakeWhile(k => k < oldest).ToArray())
        {
            buckets = buckets.Remove(stale);
        }

        return this with { Buckets = buckets };
    }

    /// <summary>Totals over the window of <paramref name="length"/> ending at <paramref name="end"/>.</summary>
    /// <param name="end">The window's end (exclusive, rounded up to a bucket boundary).</param>
    /// <param name="length">The window's length; rounded up to whole buckets.</param>
    public SendCounts Window(DateTimeOffset end, TimeSpan length)
    {
        var last = BucketOf(end - TimeSpan.FromTicks(1));
        var first = last - (long)Math.Ceiling((double)length.Ticks / BucketSize.Ticks) + 1;
        return Buckets.Where(b => b.Key >= first && b.Key <= last).Aggregate(SendCounts.Zero, (sum, b) => sum + b.Value);
    }

    /// <summary>The last <paramref name="count"/> consecutive windows ending at <paramref name="end"/>, oldest first.</summary>
    /// <param name="end">The newest window's end.</param>
    /// <param name="length">Each window's length.</param>
    /// <param name="count">How many windows.</param>
    public IReadOnlyList<SendCounts> Windows(DateTimeOffset end, TimeSpan length, int count) =>
        Enumerable.Range(0, count).Reverse().Select(i => Window(end - (length * i), length)).ToArray();

    private long BucketOf(DateTimeOffset at) => at.UtcTicks / BucketSize.Ticks;
}
