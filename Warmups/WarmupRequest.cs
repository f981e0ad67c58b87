using System.Net;
using System.Net.Sockets;
using CampaignFlows.Campaigns;
using CampaignFlows.Domain;

namespace CampaignFlows.Warmups;

/// <summary>The body of <c>POST /api/warmups</c>.</summary>
/// <param name="Ip">The dedicated IP to warm (or <paramref name="Pool"/>).</param>
/// <param name="Pool">The dedicated IP pool to warm (or <paramref name="Ip"/>).</param>
/// <param name="TargetDailyVolume">Mails a day the IP must carry at the end; at least day 1's 500.</param>
/// <param name="StartDate">When day 1 runs; now when neither this nor <paramref name="SaleDate"/> is given.</param>
/// <param name="SaleDate">The sale to be warm for; the warm-up starts four weeks before it (or now, with a warning).</param>
/// <param name="Mode"><c>plan</c> (default) or <c>ses-auto</c>.</param>
/// <param name="Audience">The audience CSV blob, with engagement scores.</param>
/// <param name="Gate">The gate's thresholds; the design's defaults when null.</param>
/// <param name="ConfigurationSet">The configuration set routing through the IP or pool; <c>warmup-{ip or pool}</c> when null.</param>
/// <param name="SharedConfigurationSet">The shared pool's configuration set; from configuration when null.</param>
/// <param name="FromAddress">The sender; from configuration when null.</param>
/// <param name="TemplateName">An SES template; the configured one or the inline default when null.</param>
public sealed record WarmupRequest(
    string? Ip = null,
    string? Pool = null,
    long? TargetDailyVolume = null,
    DateTimeOffset? StartDate = null,
    DateTimeOffset? SaleDate = null,
    string? Mode = null,
    string? Audience = null,
    WarmupGateRequest? Gate = null,
    string? ConfigurationSet = null,
    string? SharedConfigurationSet = null,
    string? FromAddress = null,
    string? TemplateName = null)
{
    /// <summary>The instance id the request would start.</summary>
    public string WarmupId => Ip is { Length: > 0 } ip ? WarmupIds.ForIp(ip) : WarmupIds.ForPool(Pool ?? "");

    /// <summary>Checks the request and turns it into the orchestration's settings.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="options">The configured defaults.</param>
    /// <exception cref="DomainValidationException">Every field at fault, each named.</exception>
    public WarmupSettings ToSettings(DateTimeOffset now, WarmupOptions options)
    {
        var errors = new List<ValidationError>();
        void Fail(string field, string message) => errors.Add(new ValidationError(field, message));

        var hasIp = !string.IsNullOrWhiteSpace(Ip);
        var hasPool = !string.IsNullOrWhiteSpace(Pool);
        if (hasIp == hasPool) Fail("ip", "give exactly one of 'ip' (a dedicated IP) and 'pool' (a dedicated IP pool).");
        if (hasIp && !IsIp(Ip!)) Fail("ip", $"'{Ip}' is not an IPv4 or IPv6 address.");
        if (hasPool && (Pool!.Length > 64 || Pool.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))))
            Fail("pool", $"'{Pool}' is not a pool name (letters, digits, '-' and '_', at most 64).");
        if (TargetDailyVolume is null) Fail("targetDailyVolume", "is required: the mails a day the IP must carry at the end of the warm-up.");
        else if (TargetDailyVolume < StandardWarmupRamp.FirstDayVolume)
            Fail("targetDailyVolume", $"must be at least day 1's volume of {StandardWarmupRamp.FirstDayVolume:N0} mails (was {TargetDailyVolume:N0}).");
        if (StartDate is not null && SaleDate is not null) Fail("startDate", "give 'startDate' or 'saleDate', not both.");
        if (SaleDate is { } sale && sale <= now) Fail("saleDate", $"must be in the future (was {sale:u}, now is {now:u}).");
        var mode = string.IsNullOrWhiteSpace(Mode) ? WarmupModes.Plan : Mode.Trim().ToLowerInvariant();
        if (!WarmupModes.IsKnown(mode)) Fail("mode", $"must be '{WarmupModes.Plan}' or '{WarmupModes.SesAuto}' (was '{Mode}').");
        if (string.IsNullOrWhiteSpace(Audience)) Fail("audience", "is required: the audience CSV blob (with an engagement score column).");
        var thresholds = Gate?.ToThresholds() ?? WarmupGateThresholds.Default;
        try
        {
            thresholds.Validated();
        }
        catch (DomainValidationException e)
        {
            errors.AddRange(e.Errors.Select(x => x with { Field = "gate." + x.Field }));
        }

        if (errors.Count > 0) throw new DomainValidationException(errors);

        var target = TargetDailyVolume!.Value;
        var (startAt, warning) = Schedule(target, now);
        var id = WarmupId;
        var template = new CampaignTemplate(TemplateName ?? options.TemplateName, options.Subject, options.Html, options.Text);
        return new WarmupSettings(
            id, hasIp ? Ip!.Trim() : null, hasPool ? Pool!.Trim() : null, mode, target, startAt, SaleDate, Audience!.Trim(), thresholds,
            ConfigurationSet ?? $"warmup-{(hasIp ? Ip!.Trim().Replace(':', '-') : Pool!.Trim())}",
            SharedConfigurationSet ?? options.SharedConfigurationSet, options.Stream, FromAddress ?? options.FromAddress, template,
            options.FallbackAfter, options.SettleDelay, options.DaysPerGeneration, warning, options.VolumeDivisor);
    }

    private (DateTimeOffset StartAt, string? Warning) Schedule(long target, DateTimeOffset now)
    {
        if (SaleDate is { } sale)
        {
            var schedule = SaleWarmupPlanner.Schedule(target, sale, now);
            return (schedule.StartAt, schedule.Warning);
        }

        return (StartDate is { } start && start > now ? start : now, null);
    }

    private static bool IsIp(string value) =>
        IPAddress.TryParse(value.Trim(), out var address) && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
}

/// <summary>Gate thresholds as a request gives them; omitted ones take the defaults.</summary>
/// <param name="BounceRateBelow">Bounce rate (fraction) a day must stay below to advance.</param>
/// <param name="ComplaintRateBelow">Complaint rate (fraction) a day must stay below to advance.</param>
/// <param name="FailedDaysBeforePause">Failed days in a row that pause the warm-up.</param>
public sealed record WarmupGateRequest(decimal? BounceRateBelow = null, decimal? ComplaintRateBelow = null, int? FailedDaysBeforePause = null)
{
    /// <summary>The thresholds, defaults filled in.</summary>
    public WarmupGateThresholds ToThresholds()
    {
        var defaults = WarmupGateThresholds.Default;
        return new WarmupGateThresholds(
            BounceRateBelow ?? defaults.BounceRateBelow,
            ComplaintRateBelow ?? defaults.ComplaintRateBelow,
            FailedDaysBeforePause ?? defaults.FailedDaysBeforePause);
    }
}
