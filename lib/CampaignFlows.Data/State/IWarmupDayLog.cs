namespace CampaignFlows.Data.State;

/// <summary>The day-by-day record of each warm-up's gate decisions.</summary>
public interface IWarmupDayLog
{
    /// <summary>Records a day; recording the same day again replaces it (an orchestration replaying its activity).</summary>
    Task RecordAsync(WarmupDay day, CancellationToken cancellationToken = default);

    /// <summary>A warm-up's days in order.</summary>
    Task<IReadOnlyList<WarmupDay>> ListAsync(string warmupId, CancellationToken cancellationToken = default);
}
