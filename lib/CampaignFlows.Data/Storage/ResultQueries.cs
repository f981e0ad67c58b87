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

    /// <summary>PostgreSQL, a whole batch in one round trip: the same rule as <see cref="ApplyOne"/>, joined on unnested arrays.</summary>
    public const string ApplyMany = """
        UPDATE recipients AS r SET status = v.status, message_id = COALESCE(v.message_id, r.message_id),
               account = COALESCE(v.account, r.account), reason = v.reason, token = NULL, lease_until = NULL,
               attempts = r.attempts - v.refund, updated_at = @now
        FROM unnest(@addresses, @statuses, @messageIds, @accounts, @reasons, @refunds)
             AS v(normalized, status, message_id, account, reason, refund)
        WHERE r.campaign_id = @campaignId AND r.normalized = v.normalized AND r.status = 'sending' AND r.token = @token
        RETURNING r.domain, r.status
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
