namespace CampaignFlows.Domain;

/// <summary>How a day's volume is split between the dedicated IP and the shared pool.</summary>
/// <param name="Volume">The day's whole volume.</param>
/// <param name="DedicatedIp">Mails sent through the dedicated IP: volume × warm-up %, rounded down.</param>
/// <param name="SharedPool">The rest, sent through the shared pool's configuration set.</param>
public sealed record TrafficSplit(long Volume, long DedicatedIp, long SharedPool)
{
    /// <summary>Splits a volume by warm-up percentage.</summary>
    /// <param name="volume">Mails to send; not negative.</param>
    /// <param name="warmupPercent">0 to 100.</param>
    /// <exception cref="DomainValidationException">A negative volume or a percentage outside 0 to 100.</exception>
    public static TrafficSplit For(long volume, decimal warmupPercent)
    {
        new Guard()
            .NotNegative(volume, "volume")
            .Check(warmupPercent is >= 0 and <= 100, "warmupPercent", $"must be between 0 and 100 (was {warmupPercent}).")
            .ThrowIfAny();
        var dip = (long)decimal.Floor(volume * warmupPercent / 100m);
        return new TrafficSplit(volume, dip, volume - dip);
    }
}
