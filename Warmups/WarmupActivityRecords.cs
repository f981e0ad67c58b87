namespace CampaignFlows.Warmups;

/// <summary>SES's view of how warm an IP (or, for a pool, its coldest IP) is.</summary>
/// <param name="Percentage">GetDedicatedIp's WarmupPercentage, 0 to 100.</param>
/// <param name="Status">GetDedicatedIp's WarmupStatus (IN_PROGRESS, DONE, NOT_APPLICABLE), when reported.</param>
public sealed record SesWarmupState(int Percentage, string? Status)
{
    /// <summary>The percentage to size the dedicated share with: a DONE IP is fully warm whatever it reports.</summary>
    public decimal EffectivePercent => string.Equals(Status, "DONE", StringComparison.OrdinalIgnoreCase) ? 100m : Math.Clamp(Percentage, 0, 100);
}

/// <summary>The input of <c>SetWarmupPercentage</c>.</summary>
/// <param name="Target">The IP or pool.</param>
/// <param name="Percentage">The warm-up percentage to set, 0 to 100.</param>
public sealed record WarmupPercentChange(WarmupTarget Target, int Percentage);

/// <summary>The input of <c>GetDayFigures</c>: a day's campaigns and what their reports counted.</summary>
/// <param name="CampaignIds">The day's campaigns (dedicated and shared routes).</param>
/// <param name="Sent">Sent, from the campaign reports.</param>
/// <param name="Bounced">Bounced, from the campaign reports (events seen before they finished).</param>
/// <param name="Complained">Complained, from the campaign reports.</param>
/// <param name="Since">When the day's sending started; the statistics window opens here.</param>
public sealed record DayFiguresQuery(IReadOnlyList<string> CampaignIds, long Sent, long Bounced, long Complained, DateTime Since);

/// <summary>The input of <c>RecordWarmupDay</c>.</summary>
/// <param name="WarmupId">The warm-up.</param>
/// <param name="Day">The day to record.</param>
public sealed record WarmupDayEntry(string WarmupId, WarmupDayRecord Day);
