namespace CampaignFlows.Data.Recipients;

/// <summary>The recipient queries both providers share (their dialects agree on upserts, RETURNING and partial indexes).</summary>
internal static class RecipientQueries
{
    /// <summary>Creates the campaign's counter row on its first chunk.</summary>
    public const string EnsureCampaign = """
        INSERT INTO recipient_campaigns (campaign_id, next_seq, last_batch) VALUES (@campaignId, 1, 0)
        ON CONFLICT (campaign_id) DO NOTHING
        """;

    /// <summary>
    /// Reserves sequence numbers for a chunk. The UPDATE also locks the campaign row until commit, so chunks of one
    /// campaign commit in sequence order and planning never passes a row that is still to be committed below it.
    /// Duplicates leave gaps: sequence numbers are monotone, not dense.
    /// </summary>
    public const string ReserveSequence = """
        UPDATE recipient_campaigns SET next_seq = next_seq + @count WHERE campaign_id = @campaignId
        RETURNING next_seq - @count
        """;

    /// <summary>Locks the campaign row for planning and reads the last batch number handed out.</summary>
    public const string LockForPlanning = """
        UPDATE recipient_campaigns SET last_batch = last_batch WHERE campaign_id = @campaignId
        RETURNING last_batch
        """;

    public const string SetLastBatch = "UPDATE recipient_campaigns SET last_batch = @lastBatch WHERE campaign_id = @campaignId";

    /// <summary>Batches already planned after a checkpoint: what a re-run planning call must hand back again.</summary>
    public const string PlannedAfter = """
        SELECT batch AS Batch, last_seq AS LastSeq, count AS Count FROM recipient_batches
        WHERE campaign_id = @campaignId AND first_seq > @after
        ORDER BY first_seq LIMIT @limit
        """;

    /// <summary>The next unplanned queued rows; walks the (campaign, seq) index from the checkpoint, never from the start.</summary>
    public const string UnplannedAfter = """
        SELECT seq FROM recipients
        WHERE campaign_id = @campaignId AND seq > @after AND status = 'queued' AND batch IS NULL
        ORDER BY seq LIMIT @limit
        """;

    public const string AssignBatch = """
        UPDATE recipients SET batch = @batch
        WHERE campaign_id = @campaignId AND seq BETWEEN @firstSeq AND @lastSeq AND status = 'queued' AND batch IS NULL
        """;

    public const string InsertBatch = """
        INSERT INTO recipient_batches (campaign_id, batch, first_seq, last_seq, count)
        VALUES (@campaignId, @batch, @firstSeq, @lastSeq, @count)
        """;

    // The claim and sweep queries repeat the unsent-index predicate "status IN ('queued', 'sending')" word for word:
    // SQLite only uses a partial index when the query's WHERE contains the index's terms literally.

    /// <summary>Re-claims recipients already sending under this token (a retried attempt) or whose lease ran out.</summary>
    public const string ReclaimSending = """
        UPDATE recipients SET token = @token, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
        WHERE campaign_id = @campaignId AND batch = @batch AND status IN ('queued', 'sending')
          AND status = 'sending' AND (token = @token OR lease_until <= @now)
        RETURNING seq, address, normalized, name, template_data, domain, attempts
        """;

    /// <summary>Claims the batch's queued recipients.</summary>
    public const string ClaimQueued = """
        UPDATE recipients SET status = 'sending', token = @token, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
        WHERE campaign_id = @campaignId AND batch = @batch AND status IN ('queued', 'sending') AND status = 'queued'
        RETURNING seq, address, normalized, name, template_data, domain, attempts
        """;

    public const string UnfinishedBatches = """
        SELECT DISTINCT batch FROM recipients
        WHERE campaign_id = @campaignId AND status IN ('queued', 'sending') AND batch IS NOT NULL
        ORDER BY batch LIMIT @limit
        """;

    /// <summary>Suppression is probed per recipient key through the IN list, so the statement is driven by the primary keys.</summary>
    public const string ExcludeSuppressed = """
        UPDATE recipients SET status = 'suppressed', updated_at = @now,
               reason = (SELECT s.reason FROM suppressions s WHERE s.address = recipients.normalized)
        WHERE campaign_id = @campaignId AND status = 'queued'
          AND normalized IN (SELECT address FROM suppressions)
        RETURNING domain
        """;

    public const string ExcludeUnverified = """
        UPDATE recipients SET status = 'blocked', reason = @reason, updated_at = @now
        WHERE campaign_id = @campaignId AND status = 'queued'
          AND NOT EXISTS (SELECT 1 FROM verified_addresses v WHERE v.address = recipients.normalized)
        RETURNING domain
        """;

    public const string ExcludeOne = """
        UPDATE recipients SET status = @status, reason = @reason, updated_at = @now
        WHERE campaign_id = @campaignId AND normalized = @address AND status = 'queued'
        RETURNING domain
        """;

    public const string ExcludeRemaining = """
        UPDATE recipients SET status = 'blocked', reason = @reason, updated_at = @now
        WHERE campaign_id = @campaignId AND status = 'queued'
        RETURNING domain
        """;

    public const string Counts = "SELECT domain AS Domain, status AS Status, n AS N FROM recipient_counts WHERE campaign_id = @campaignId";

    public const string ByMessageId = """
        SELECT campaign_id AS CampaignId, normalized AS NormalizedAddress, address AS Address, account AS Account,
               status AS Status, domain AS Domain
        FROM recipients WHERE message_id = @messageId LIMIT 1
        """;

    public const string MarkDelivered = """
        UPDATE recipients SET delivered_at = @at
        WHERE campaign_id = @campaignId AND normalized = @address AND delivered_at IS NULL
        """;

    /// <summary>Only a sent recipient moves; a repeated or late event finds no row and changes nothing.</summary>
    public const string MoveFromSent = """
        UPDATE recipients SET status = @status, reason = @reason, updated_at = @at
        WHERE campaign_id = @campaignId AND normalized = @address AND status = 'sent'
        """;
}
