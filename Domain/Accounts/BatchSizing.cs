namespace CampaignFlows.Domain.Accounts;

/// <summary>How many recipients one SendBulkEmail call may carry.</summary>
/// <remarks>
/// SES counts every recipient against the account's per-second rate, and a call it cannot take whole within one second
/// is refused with a throttle. A batch larger than the rate therefore never goes through, however long it waits; a batch
/// no larger than the rate always can. So the size is the configured batch size, cut down to the account's rate.
/// </remarks>
public static class BatchSizing
{
    /// <summary>SES's SendBulkEmail limit.</summary>
    public const int SesMaximum = 50;

    /// <summary>
    /// The batch size for an account: <paramref name="configured"/> (1 to 50; 0 or less means 50), no larger than the
    /// whole recipients <paramref name="perSecond"/> allows (at least 1), or the configured size when the rate is unknown.
    /// </summary>
    public static int Fit(int configured, double? perSecond)
    {
        var size = configured is < 1 or > SesMaximum ? SesMaximum : configured;
        if (perSecond is not { } rate || double.IsNaN(rate)) return size;
        return (int)Math.Clamp(Math.Floor(rate + 1e-9), 1, size);
    }

    /// <summary>
    /// The batch size and the number of batches of a wave: the size fitted to the rate (<see cref="Fit"/>); enough batches
    /// to last <paramref name="waveSeconds"/> at the rate, at most <paramref name="waveBatches"/> (all of them when the rate
    /// or the seconds are not given); and no more than what is left of the account's 24-hour quota, so a wave never plans
    /// sends that would wait a day at the quota.
    /// </summary>
    /// <remarks>
    /// Waves of about equal time keep the pause between them (the health gate, the next plan) a small share of the
    /// sending at any rate, and keep an operator's pause and the gate equally prompt on a slow account and a fast one.
    /// </remarks>
    public static (int BatchSize, int Batches) ForWave(int configuredSize, int waveBatches, double? perSecond, long? quotaLeft, double waveSeconds = 0)
    {
        var size = Fit(configuredSize, perSecond);
        var batches = Math.Max(1, waveBatches);
        if (waveSeconds > 0 && perSecond is { } rate && rate > 0 && !double.IsNaN(rate))
            batches = (int)Math.Clamp(Math.Ceiling(rate * waveSeconds / size - 1e-9), 1, batches);
        if (quotaLeft is not { } left) return (size, batches);
        var allowed = Math.Max(1, left);
        size = (int)Math.Min(size, allowed);
        return (size, (int)Math.Clamp(allowed / size, 1, batches));
    }
}
