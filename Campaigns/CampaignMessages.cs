namespace CampaignFlows.Campaigns;

/// <summary>The external events a campaign obeys, raised by the pause/resume/cancel triggers.</summary>
public static class CampaignEvents
{
    /// <summary>Pause after the current wave.</summary>
    public const string Pause = "pause";

    /// <summary>Continue a paused campaign where it stopped.</summary>
    public const string Resume = "resume";

    /// <summary>Stop for good; recipients not yet sent are recorded as blocked.</summary>
    public const string Cancel = "cancel";
}

/// <summary>What the audience load found, and the sending knobs fixed for the campaign's whole run.</summary>
/// <param name="Rows">Rows read (after the engagement filter and slice).</param>
/// <param name="Inserted">New recipients stored.</param>
/// <param name="Duplicates">Rows that repeated an address.</param>
/// <param name="Rejected">Rows refused, with their reasons stored.</param>
/// <param name="Excluded">Recipients excluded by suppression, blocklist or verified-only rules.</param>
/// <param name="TemplateName">The SES template sends use (created from inline parts when needed).</param>
/// <param name="Knobs">Sending settings read once, so replays see the same values.</param>
public sealed record AudienceLoaded(long Rows, long Inserted, long Duplicates, long Rejected, long Excluded, string TemplateName, CampaignKnobs Knobs);

/// <summary>Sending settings fixed when a campaign starts.</summary>
/// <param name="WaveBatches">Batches per wave at most.</param>
/// <param name="WavesPerGeneration">Waves before ContinueAsNew.</param>
/// <param name="MaxSendAttempts">Attempts per batch for transient failures.</param>
/// <param name="Priority">The stream's priority class.</param>
/// <param name="BatchSize">Recipients per SendBulkEmail call at most (Mail:BatchSize); 0 in campaigns started before it existed, read as 50.</param>
/// <param name="WaveSeconds">Seconds a wave lasts at the account's rate (Mail:WaveSeconds); 0: waves of <paramref name="WaveBatches"/> batches.</param>
public sealed record CampaignKnobs(int WaveBatches, int WavesPerGeneration, int MaxSendAttempts, int Priority, int BatchSize = 0, double WaveSeconds = 0);

/// <summary>The state a campaign carries from one generation to the next (ContinueAsNew).</summary>
/// <param name="Input">The campaign as submitted.</param>
/// <param name="Loaded">The audience load's result, once loaded.</param>
/// <param name="Checkpoint">The last planned recipient sequence number.</param>
/// <param name="Leftover">Batches of an earlier wave that still hold unsent recipients (an account failed mid-wave).</param>
/// <param name="Generation">How many times the campaign continued as new.</param>
/// <param name="Decisions">The latest gate decisions, newest last (a few kept).</param>
/// <param name="FirstSendAt">When the first wave started.</param>
public sealed record CampaignRun(
    CampaignInput Input,
    AudienceLoaded? Loaded = null,
    long Checkpoint = 0,
    IReadOnlyList<PlannedBatch>? Leftover = null,
    int Generation = 0,
    IReadOnlyList<string>? Decisions = null,
    DateTime? FirstSendAt = null);

/// <summary>One SendBulkEmail call: a planned batch of a campaign through one account.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Batch">The planned batch number.</param>
/// <param name="Account">The account to send through.</param>
/// <param name="FromAddress">The sender.</param>
/// <param name="TemplateName">The SES template.</param>
/// <param name="ConfigurationSetName">The configuration set, if any.</param>
/// <param name="MaxRecipients">Recipients this call may send at most: what the account's rate allowed when the wave started (0: the SES maximum of 50).</param>
public sealed record SendBatch(string CampaignId, int Batch, string Account, string FromAddress, string TemplateName, string? ConfigurationSetName,
    int MaxRecipients = 0);

/// <summary>What one batch did.</summary>
/// <param name="Sent">Accepted by SES.</param>
/// <param name="Failed">Refused for good (and dead-lettered).</param>
/// <param name="Unsent">Left unsent because the account stopped taking mail; a later wave retries them.</param>
/// <param name="AccountProblem">Why the account stopped taking mail (quota, pause, suspension), if it did.</param>
/// <param name="MoreLeft">The call took all it was allowed (the account's rate had fallen below the batch's size) and the batch may hold more; a later wave sends them.</param>
public sealed record BatchResult(int Sent, int Failed, int Unsent, string? AccountProblem, bool MoreLeft = false)
{
    /// <summary>Nothing left to send in the batch.</summary>
    public static BatchResult Nothing { get; } = new(0, 0, 0, null);
}

/// <summary>The input of <c>SendWaveOrchestrator</c>.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Batches">The batches of the wave.</param>
/// <param name="Account">The account to send through.</param>
/// <param name="FromAddress">The sender.</param>
/// <param name="TemplateName">The SES template.</param>
/// <param name="ConfigurationSetName">The configuration set, if any.</param>
/// <param name="Weight">The campaign's fairness weight.</param>
/// <param name="Knobs">The sending settings.</param>
/// <param name="BatchSize">Recipients per call at most, fitted to the account's rate when the wave started (0: 50).</param>
public sealed record WaveInput(string CampaignId, IReadOnlyList<PlannedBatch> Batches, string Account, string FromAddress, string TemplateName,
    string? ConfigurationSetName, int Weight, CampaignKnobs Knobs, int BatchSize = 0);

/// <summary>What a wave did.</summary>
/// <param name="Sent">Accepted by SES.</param>
/// <param name="Failed">Refused for good.</param>
/// <param name="Unfinished">Batches still holding unsent recipients.</param>
/// <param name="AccountProblem">Why the account stopped taking mail, if it did.</param>
/// <param name="Errors">Batches that failed after every attempt.</param>
public sealed record WaveResult(long Sent, long Failed, IReadOnlyList<PlannedBatch> Unfinished, string? AccountProblem, int Errors);

/// <summary>A batch to send and how many recipients it holds at most (what it costs in rate tokens).</summary>
/// <param name="Batch">The planned batch number.</param>
/// <param name="Count">Recipients in it at most.</param>
public sealed record PlannedBatch(int Batch, int Count);

/// <summary>The account chosen for a stream, or why none can send.</summary>
/// <param name="Account">The account, or null.</param>
/// <param name="ConfigurationSetName">The account's configuration set.</param>
/// <param name="Reason">Why no account can send.</param>
/// <param name="Rate">The account's send rate in force now (per second; lowered while SES throttles), when known.</param>
/// <param name="QuotaLeft">What is left of the account's 24-hour quota, when it has one.</param>
public sealed record AccountPick(string? Account, string? ConfigurationSetName, string? Reason, double? Rate = null, long? QuotaLeft = null);

/// <summary>Opens an account's circuit so the next waves fail over.</summary>
/// <param name="Account">The account.</param>
/// <param name="Reason">What happened.</param>
public sealed record AccountTrip(string Account, string Reason);

/// <summary>The health gate's verdict and the campaign's progress after a wave.</summary>
/// <param name="Action">Continue, HoldLowPriority, SwitchAccount or PauseCampaign.</param>
/// <param name="Reason">Why, with the figures.</param>
/// <param name="Progress">The campaign's counts now.</param>
/// <param name="HoldFor">With HoldLowPriority: how long to hold before looking again.</param>
public sealed record HealthVerdict(string Action, string Reason, CampaignProgress Progress, TimeSpan? HoldFor = null);

/// <summary>A campaign's progress as shown in its custom status and by <c>GET /api/campaigns/{id}</c>.</summary>
/// <param name="State">loading, sending, paused, cancelled, completed.</param>
/// <param name="Total">Recipients stored.</param>
/// <param name="Queued">Waiting to be sent.</param>
/// <param name="Sent">Accepted by SES (bounced and complained included).</param>
/// <param name="Suppressed">On the suppression list.</param>
/// <param name="Blocked">Excluded by policy or cancelled.</param>
/// <param name="Rejected">Invalid rows.</param>
/// <param name="Failed">Refused by SES for good.</param>
/// <param name="DeadLettered">In the dead-letter queue.</param>
/// <param name="Bounced">Bounced after sending.</param>
/// <param name="Complained">Complained about after sending.</param>
/// <param name="Rate">Sent per second since the first send.</param>
/// <param name="EtaSeconds">Seconds to go at that rate, when known.</param>
/// <param name="Reason">Why it is paused or ended, if it is.</param>
/// <param name="Account">The account sending it now.</param>
/// <param name="Decisions">Recent gate decisions.</param>
public sealed record CampaignProgress(string State, long Total, long Queued, long Sent, long Suppressed, long Blocked, long Rejected,
    long Failed, long DeadLettered, long Bounced, long Complained, double Rate, double? EtaSeconds, string? Reason = null,
    string? Account = null, IReadOnlyList<string>? Decisions = null);

/// <summary>Plan the next batches of a campaign after a checkpoint.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Checkpoint">The last planned sequence number.</param>
/// <param name="MaxBatches">How many batches at most.</param>
/// <param name="BatchSize">Recipients per new batch at most (0: the SES maximum of 50).</param>
public sealed record PlanRequest(string CampaignId, long Checkpoint, int MaxBatches, int BatchSize = 0);

/// <summary>The planned batches and the next checkpoint.</summary>
/// <param name="Batches">The batches.</param>
/// <param name="Checkpoint">The checkpoint to pass next time.</param>
public sealed record PlannedWave(IReadOnlyList<PlannedBatch> Batches, long Checkpoint);

/// <summary>Run the health gate for a campaign after a wave.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Account">The account that sent the wave.</param>
/// <param name="FirstSendAt">When sending began, for the rate and ETA.</param>
/// <param name="Stream">The campaign's stream, for the quota hold (null: hold on the quota alert alone).</param>
public sealed record HealthCheck(string CampaignId, string Account, DateTime? FirstSendAt, string? Stream = null);

/// <summary>Move what is left of a campaign out of the queue (to the dead-letter queue, or blocked on cancel).</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Reason">Why.</param>
public sealed record DeadLetterRequest(string CampaignId, string Reason);

/// <summary>Build the final report.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Reason">Why, if not a plain completion.</param>
/// <param name="Loaded">What the audience load found.</param>
/// <param name="FirstSendAt">When sending began.</param>
public sealed record SummaryRequest(string CampaignId, string Status, string? Reason, AudienceLoaded? Loaded, DateTime? FirstSendAt);
