namespace CampaignFlows.Data.State;

/// <summary>The small shared-state queries, the same on both providers; every table is keyed for its one lookup.</summary>
internal static class StateQueries
{
    public const string BlockTemplate = """
        INSERT INTO template_blocklist (template, reason, blocked_at) VALUES (@template, @reason, @at)
        ON CONFLICT (template) DO UPDATE SET reason = excluded.reason, blocked_at = excluded.blocked_at
        """;
    public const string UnblockTemplate = "DELETE FROM template_blocklist WHERE template = @template";
    public const string BlockedColumns = "SELECT template AS Template, reason AS Reason, blocked_at AS At FROM template_blocklist";

    /// <summary>Re-verifying keeps the first verification time: it is when the address proved itself.</summary>
    public const string Verify = "INSERT INTO verified_addresses (address, verified_at) VALUES (@address, @at) ON CONFLICT (address) DO NOTHING";
    public const string Unverify = "DELETE FROM verified_addresses WHERE address = @address";
    public const string VerifiedSqlite = "SELECT address FROM verified_addresses WHERE address IN @addresses";
    public const string VerifiedPostgres = "SELECT address FROM verified_addresses WHERE address = ANY(@addresses)";

    public const string SetCircuit = """
        INSERT INTO account_circuits (account, state, reason, until, updated_at) VALUES (@Account, @State, @Reason, @until, @updatedAt)
        ON CONFLICT (account) DO UPDATE SET state = excluded.state, reason = excluded.reason, until = excluded.until, updated_at = excluded.updated_at
        """;
    public const string CircuitColumns = "SELECT account AS Account, state AS State, reason AS Reason, until AS Until, updated_at AS UpdatedAt FROM account_circuits";

    public const string AddDeadLetter = """
        INSERT INTO dead_letters (campaign_id, address, reason, queue_id, created_at) VALUES (@CampaignId, @Address, @Reason, @QueueMessageId, @at)
        """;

    /// <summary>Transactional mail has no campaign; NULL is matched explicitly since NULL = NULL is not true.</summary>
    public const string DeadLetterFilter = "WHERE (campaign_id = @campaignId OR (campaign_id IS NULL AND @campaignId IS NULL))";
    public const string ListDeadLetters = "SELECT campaign_id AS CampaignId, address AS Address, reason AS Reason, queue_id AS QueueMessageId, created_at AS At FROM dead_letters "
        + DeadLetterFilter + " ORDER BY id LIMIT @limit";
    public const string CountDeadLetters = "SELECT COUNT(*) FROM dead_letters " + DeadLetterFilter;

    /// <summary>First write wins: a double submit keeps the original definition and time.</summary>
    public const string SaveDefinition = """
        INSERT INTO campaign_definitions (campaign_id, definition, created_at) VALUES (@CampaignId, @Definition, @at)
        ON CONFLICT (campaign_id) DO NOTHING
        """;
    public const string DefinitionColumns = "SELECT campaign_id AS CampaignId, definition AS Definition, created_at AS CreatedAt FROM campaign_definitions";

    public const string RecordWarmupDay = """
        INSERT INTO warmup_days (warmup_id, day, plan_day, planned, sent, dip, shared, bounce_rate, complaint_rate, decision, reason, recorded_at)
        VALUES (@WarmupId, @Day, @PlanDay, @Planned, @Sent, @Dip, @Shared, @BounceRate, @ComplaintRate, @Decision, @Reason, @at)
        ON CONFLICT (warmup_id, day) DO UPDATE SET plan_day = excluded.plan_day, planned = excluded.planned, sent = excluded.sent, dip = excluded.dip,
            shared = excluded.shared, bounce_rate = excluded.bounce_rate, complaint_rate = excluded.complaint_rate,
            decision = excluded.decision, reason = excluded.reason, recorded_at = excluded.recorded_at
        """;
    public const string ListWarmupDays = """
        SELECT warmup_id AS WarmupId, day AS Day, plan_day AS PlanDay, planned AS Planned, sent AS Sent, dip AS Dip, shared AS Shared,
               bounce_rate AS BounceRate, complaint_rate AS ComplaintRate, decision AS Decision, reason AS Reason, recorded_at AS RecordedAt
        FROM warmup_days WHERE warmup_id = @warmupId ORDER BY day
        """;
}
