using CampaignFlows.Campaigns;
using CampaignFlows.Domain;

namespace CampaignFlows.Warmups;

/// <summary>What a warm-up was started with; fixed for its whole life and carried across ContinueAsNew.</summary>
/// <param name="WarmupId">The instance id, derived from the IP or pool.</param>
/// <param name="Ip">The dedicated IP warmed, or null for a pool.</param>
/// <param name="Pool">The dedicated IP pool warmed, or null for one IP.</param>
/// <param name="Mode"><see cref="WarmupModes.Plan"/> or <see cref="WarmupModes.SesAuto"/>.</param>
/// <param name="TargetDailyVolume">Mails a day the IP carries at the end of the plan.</param>
/// <param name="StartAt">When day 1 runs.</param>
/// <param name="SaleAt">The sale the warm-up prepares for, when one was given.</param>
/// <param name="AudienceBlob">The audience CSV (with engagement scores) in the audience store.</param>
/// <param name="Thresholds">The gate's thresholds.</param>
/// <param name="DedicatedConfigurationSet">The configuration set routing mail through the dedicated IP or pool.</param>
/// <param name="SharedConfigurationSet">The configuration set of the shared pool; the account's own when null.</param>
/// <param name="Stream">The stream the day's campaigns go out on.</param>
/// <param name="FromAddress">The sender.</param>
/// <param name="Template">What the day's campaigns send.</param>
/// <param name="FallbackAfter">Step anyway when no daily-step event came this long after the last step.</param>
/// <param name="SettleDelay">How long the day's events are given to arrive before the gate.</param>
/// <param name="DaysPerGeneration">Days per generation before ContinueAsNew.</param>
/// <param name="Warning">Why the plan does not finish before the sale, when it does not.</param>
/// <param name="VolumeDivisor">Each day sends 1/N of its planned volume (1 outside simulations); see <see cref="WarmupOptions.VolumeDivisor"/>.</param>
public sealed record WarmupSettings(
    string WarmupId,
    string? Ip,
    string? Pool,
    string Mode,
    long TargetDailyVolume,
    DateTimeOffset StartAt,
    DateTimeOffset? SaleAt,
    string AudienceBlob,
    WarmupGateThresholds Thresholds,
    string DedicatedConfigurationSet,
    string? SharedConfigurationSet,
    string Stream,
    string FromAddress,
    CampaignTemplate Template,
    TimeSpan FallbackAfter,
    TimeSpan SettleDelay,
    int DaysPerGeneration,
    string? Warning,
    int VolumeDivisor = 1)
{
    /// <summary>The IP or pool, as the SES activities address it.</summary>
    public WarmupTarget Target => new(Ip, Pool);
}

/// <summary>A dedicated IP or a pool of them.</summary>
/// <param name="Ip">The IP, or null for a pool.</param>
/// <param name="Pool">The pool, or null for one IP.</param>
public sealed record WarmupTarget(string? Ip, string? Pool)
{
    /// <inheritdoc />
    public override string ToString() => Ip is not null ? $"IP {Ip}" : $"pool {Pool}";
}
