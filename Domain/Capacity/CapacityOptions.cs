namespace CampaignFlows.Domain;

/// <summary>The planner's assumptions; set from configuration.</summary>
/// <param name="SendingHours">Hours a day the mail is sent in (default 8).</param>
/// <param name="Buffer">Head-room multiplier on the daily volume (default 1.2, a 20% buffer).</param>
/// <param name="Prices">Prices for the cost estimate; <see cref="SesPrices.Default"/> when null.</param>
public sealed record CapacityOptions(decimal SendingHours = 8m, decimal Buffer = 1.2m, SesPrices? Prices = null)
{
    /// <summary>The design's defaults.</summary>
    public static CapacityOptions Default { get; } = new();
}
