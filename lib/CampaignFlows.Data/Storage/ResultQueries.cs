using CampaignFlows.Data.Recipients;

namespace CampaignFlows.Data.Storage;

/// <summary>The provider-specific forms of recording results and counter deltas.</summary>
internal static class ResultQueries
{
    /// <summary>
    /// SQLite, one recipient: only a row still sending under this token changes, which is what makes a repeated or
    /// taken-over result stale. A throttle goes back to queued in the same batch with its attempt refunded.
    /// </summary>
    public const string ApplyOne = """
        UPDATE recipients SET status = @status, message_id = COALESCE(@messageId, message_id), account = COALESCE(@account, account),
               reason = @reason, token = NULL, lease_until = NULL, attempts = attempts - @refund, updated_at = @now
        WHERE campaign_id = @campaignId AND normalized = @address AND status = 'sending' AND token = @token
        RETURNING domain
        """;

    /// <summary>
    /// PostgreSQL, a whole batch in one round trip: the same rule as <see cref="ApplyOne"/>, joined on unnested arrays,
    /// with the counter moves folded into the statement as data-modifying CTEs (sorted so hosts lock counters in one order:
    /// byte order, as <see cref="CountDeltas"/> sorts ordinally for the other counter writes, whatever the database's collation).
    /// </summary>
    public const string RecordMany = """
        WITH changed AS (
            UPDATE recipients AS r SET status = v.status, message_id = COALESCE(v.message_id, r.message_id),
                   account = COALESCE(v.account, r.account), reason = v.reason, token = NULL, lease_until = NULL,
                   attempts = r.attempts - v.refund, updated_at = @now
            FROM unnest(@addresses, @statuses, @messageIds, @accounts, @reasons, @refunds)
                 AS v(normalized, status, message_id, account, reason, refund)
            WHERE r.campaign_id = @campaignId AND r.normalized = v.normalized AND r.status = 'sending' AND r.token = @token
            RETURNING r.domain, r.status
        ), moved AS (
            SELECT domain, status, count(*) AS n FROM changed GROUP BY domain, status
            UNION ALL
            SELECT domain, 'sending', -count(*) FROM changed GROUP BY domain
        ), counted AS (
            INSERT INTO recipient_counts (campaign_id, domain, status, n)
            SELECT @campaignId, domain, status, n FROM moved ORDER BY domain COLLATE "C", status COLLATE "C"
            ON CONFLICT (campaign_id, domain, status) DO UPDATE SET n = recipient_counts.n + excluded.n
        )
        SELECT count(*) AS changed, count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE status = 'failed') AS failed FROM changed
        """;

    /// <summary>
    /// PostgreSQL, a claim in one round trip: <see cref="RecipientQueries.ReclaimSending"/> and
    /// <see cref="RecipientQueries.ClaimQueued"/> touch disjoint rows (sending vs queued), so they can share a
    /// statement; after a lock wait each re-checks its WHERE on the new row version, so a concurrent claimer's rows
    /// are skipped rather than taken twice.
    /// </summary>
    public const string ClaimMany = "WITH reclaimed AS (" + RecipientQueries.ReclaimSending + "), claimed AS (" + RecipientQueries.ClaimQueued + """
        ), moved AS (
            SELECT domain, 'sending' AS status, count(*) AS n FROM claimed GROUP BY domain
            UNION ALL
            SELECT domain, 'queued', -count(*) FROM claimed GROUP BY domain
        ), counted AS (
            INSERT INTO recipient_counts (campaign_id, domain, status, n)
            SELECT @campaignId, domain, status, n FROM moved ORDER BY domain COLLATE "C", status COLLATE "C"
            ON CONFLICT (campaign_id, domain, status) DO UPDATE SET n = recipient_counts.n + excluded.n
        )
        SELECT * FROM reclaimed UNION ALL SELECT * FROM claimed
        """;

    /// <summary>SQLite, one counter.</summary>
    public const string AddCount = """
        INSERT INTO recipient_counts (campaign_id, domain, status, n) VALUES (@campaignId, @domain, @status, @delta)
        ON CONFLICT (campaign_id, domain, status) DO UPDATE SET n = recipient_counts.n + excluded.n
        """;

    /// <summary>PostgreSQL, all counters in one statement; the arrays arrive sorted so hosts lock counter rows in one order.</summary>
    public const string AddCounts = """
        INSERT INTO recipient_counts (campaign_id, domain, status, n)
        SELECT @campaignId, d.domain, d.status, d.delta FROM unnest(@domains, @statuses, @deltas) AS d(domain, status, delta)
        ON CONFLICT (campaign_id, domain, status) DO UPDATE SET n = recipient_counts.n + excluded.n
        """;

    /// <summary>The PostgreSQL chunk insert: one statement over unnested column arrays, in chunk order.</summary>
    public const string InsertMany = """
        INSERT INTO recipients (campaign_id, normalized, seq, address, name, engagement, template_data, domain, status, reason, updated_at)
        SELECT @campaignId, r.normalized, @firstSeq + r.ord - 1, r.address, r.name, r.engagement, r.template_data, r.domain, r.status, r.reason, @now
        FROM unnest(@normalized, @addresses, @names, @engagements, @data, @domains, @statuses, @reasons)
             WITH ORDINALITY AS r(normalized, address, name, engagement, template_data, domain, status, reason, ord)
        ORDER BY r.ord
        ON CONFLICT (campaign_id, normalized) DO NOTHING
        RETURNING domain, status
        """;

    public static string StatusOf(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => RecipientStatusNames.Sent,
        SendOutcome.Failed => RecipientStatusNames.Name(RecipientStatus.Failed),
        SendOutcome.DeadLettered => RecipientStatusNames.Name(RecipientStatus.DeadLettered),
        SendOutcome.Throttled => RecipientStatusNames.Queued,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown send outcome."),
    };
}
