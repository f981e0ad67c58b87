namespace CampaignFlows.Data.Recipients;

/// <summary>The recipient queries both providers share (their dialects agree on upserts, RETURNING and partial indexes).</summary>
internal static class RecipientQueries
{
    /// <summary>Creates the campaign's counter row on its first chunk.</summary>
    public const string EnsureCampaign = """
        INSERT INTO recipient_campaigns (campaign_id, next_seq, last_batch, planned_seq) VALUES (@campaignId, 1, 0, 0)
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

    /// <summary>Locks the campaign row for planning and reads the last batch number and sequence number planned.</summary>
    public const string LockForPlanning = """
        UPDATE recipient_campaigns SET last_batch = last_batch WHERE campaign_id = @campaignId
        RETURNING last_batch AS LastBatch, planned_seq AS PlannedSeq
        """;

    public const string SetPlanned = "UPDATE recipient_campaigns SET last_batch = @lastBatch, planned_seq = @plannedSeq WHERE campaign_id = @campaignId";

    /// <summary>Batches already planned after a checkpoint: what a re-run planning call must hand back again.</summary>
    public const string PlannedAfter = """
        SELECT batch AS Batch, last_seq AS LastSeq, count AS Count FROM recipient_batches
        WHERE campaign_id = @campaignId AND first_seq > @after
        ORDER BY first_seq LIMIT @limit
        """;

    /// <summary>
    /// Plans new batches in one statement: numbers the next queued rows after the last planned one in sequence order
    /// (the inner LIMIT keeps the window function to those rows) and records each batch's range. Only the small
    /// batch rows are written; the recipients are not touched.
    /// </summary>
    public const string PlanNext = """
        INSERT INTO recipient_batches (campaign_id, batch, first_seq, last_seq, count)
        SELECT @campaignId, batch, MIN(seq), MAX(seq), COUNT(*)
        FROM (SELECT seq, (ROW_NUMBER() OVER (ORDER BY seq) - 1) / @size + @firstBatch AS batch
              FROM (SELECT seq FROM recipients
                    WHERE campaign_id = @campaignId AND seq > @after AND status = 'queued'
                    ORDER BY seq LIMIT @limit) AS next_rows) AS numbered
        GROUP BY batch
        RETURNING batch AS Batch, last_seq AS LastSeq, count AS Count
        """;

    /// <summary>The batch's rows: at most 50 entries of the (campaign, seq) index.</summary>
    private const string InBatch = """
        campaign_id = @campaignId
          AND seq BETWEEN (SELECT first_seq FROM recipient_batches WHERE campaign_id = @campaignId AND batch = @batch)
                      AND (SELECT last_seq FROM recipient_batches WHERE campaign_id = @campaignId AND batch = @batch)
        """;

    /// <summary>
    /// The first @max claimable rows of the batch, lowest sequence first: both claim statements take only rows in this
    /// set, and it reads the same for both (a re-claimed row stays claimable under its token), so together they never
    /// claim more than @max.
    /// </summary>
    private const string FirstClaimable = $"""
        seq IN (SELECT seq FROM recipients
                WHERE {InBatch}
                  AND (status = 'queued' OR (status = 'sending' AND (token = @token OR lease_until <= @now)))
                ORDER BY seq LIMIT @max)
        """;

    /// <summary>Re-claims recipients already sending under this token (a retried attempt) or whose lease ran out.</summary>
    public const string ReclaimSending = $"""
        UPDATE recipients SET token = @token, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
        WHERE {InBatch}
          AND status = 'sending' AND (token = @token OR lease_until <= @now)
          AND {FirstClaimable}
        RETURNING seq, address, normalized, name, template_data, domain, attempts
        """;

    /// <summary>Claims the batch's queued recipients.</summary>
    public const string ClaimQueued = $"""
        UPDATE recipients SET status = 'sending', token = @token, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
        WHERE {InBatch}
          AND status = 'queued'
          AND {FirstClaimable}
        RETURNING seq, address, normalized, name, template_data, domain, attempts
        """;

    /// <summary>Walks every batch of the campaign once, probing its range; meant for the final sweep, not the hot path.</summary>
    public const string UnfinishedBatches = """
        SELECT b.batch FROM recipient_batches b
        WHERE b.campaign_id = @campaignId
          AND EXISTS (SELECT 1 FROM recipients r
                      WHERE r.campaign_id = b.campaign_id AND r.seq BETWEEN b.first_seq AND b.last_seq
                        AND r.status IN ('queued', 'sending'))
        ORDER BY b.batch LIMIT @limit
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
