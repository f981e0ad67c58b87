namespace CampaignFlows.Data.Statistics;

/// <summary>Bucketed statistics queries, the same on both providers.</summary>
internal static class StatisticsQueries
{
    /// <summary>Counters are added, never read-modify-written, so concurrent hosts recording the same bucket both count.</summary>
    public const string Add = """
        INSERT INTO feedback_buckets (scope_kind, scope_id, bucket, sent, delivered, hard_bounced, soft_bounced, complained, send_errors, throttled)
        VALUES (@Kind, @Id, @bucket, @Sent, @Delivered, @HardBounced, @SoftBounced, @Complained, @SendErrors, @Throttled)
        ON CONFLICT (scope_kind, scope_id, bucket) DO UPDATE SET
            sent = feedback_buckets.sent + excluded.sent,
            delivered = feedback_buckets.delivered + excluded.delivered,
            hard_bounced = feedback_buckets.hard_bounced + excluded.hard_bounced,
            soft_bounced = feedback_buckets.soft_bounced + excluded.soft_bounced,
            complained = feedback_buckets.complained + excluded.complained,
            send_errors = feedback_buckets.send_errors + excluded.send_errors,
            throttled = feedback_buckets.throttled + excluded.throttled
        """;

    /// <summary>A primary-key range: a window touches only its own buckets however long the history.</summary>
    public const string Window = """
        SELECT CAST(COALESCE(SUM(sent), 0) AS BIGINT) AS Sent, CAST(COALESCE(SUM(delivered), 0) AS BIGINT) AS Delivered, CAST(COALESCE(SUM(hard_bounced), 0) AS BIGINT) AS HardBounced,
               CAST(COALESCE(SUM(soft_bounced), 0) AS BIGINT) AS SoftBounced, CAST(COALESCE(SUM(complained), 0) AS BIGINT) AS Complained, CAST(COALESCE(SUM(send_errors), 0) AS BIGINT) AS SendErrors,
               CAST(COALESCE(SUM(throttled), 0) AS BIGINT) AS Throttled
        FROM feedback_buckets
        WHERE scope_kind = @Kind AND scope_id = @Id AND bucket >= @from AND bucket <= @to
        """;

    public const string Series = """
        SELECT bucket AS Bucket, sent AS Sent, delivered AS Delivered, hard_bounced AS HardBounced,
               soft_bounced AS SoftBounced, complained AS Complained, send_errors AS SendErrors, throttled AS Throttled
        FROM feedback_buckets
        WHERE scope_kind = @Kind AND scope_id = @Id AND bucket >= @from AND bucket <= @to
        ORDER BY bucket
        """;
}
