using CampaignFlows.Domain;

namespace CampaignFlows.Warmups;

/// <summary>The "Capacity" configuration section: the planner's assumptions and SES prices.</summary>
public sealed class CapacityPlanOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string Section = "Capacity";

    /// <summary>Hours a day the mail is sent in.</summary>
    public decimal SendingHours { get; set; } = 8m;

    /// <summary>Head-room multiplier on the daily volume (1.2 is a 20% buffer).</summary>
    public decimal Buffer { get; set; } = 1.2m;

    /// <summary>US dollars per 1,000 recipients.</summary>
    public decimal PerThousandRecipients { get; set; } = 0.10m;

    /// <summary>US dollars per GB of attachments.</summary>
    public decimal PerAttachmentGigabyte { get; set; } = 0.12m;

    /// <summary>US dollars per dedicated IP per month.</summary>
    public decimal PerDedicatedIpMonth { get; set; } = 24.95m;

    /// <summary>The planner's options.</summary>
    public CapacityOptions ToCapacityOptions() =>
        new(SendingHours, Buffer, new SesPrices(PerThousandRecipients, PerAttachmentGigabyte, PerDedicatedIpMonth));

    /// <summary>Throws naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (SendingHours is <= 0 or > 24) throw new ArgumentException($"{Section}:SendingHours must be above 0 and at most 24, not {SendingHours}.");
        if (Buffer < 1) throw new ArgumentException($"{Section}:Buffer must be at least 1, not {Buffer}.");
        if (PerThousandRecipients < 0 || PerAttachmentGigabyte < 0 || PerDedicatedIpMonth < 0)
            throw new ArgumentException($"{Section} prices must not be negative.");
    }
}
