namespace CampaignFlows.Warmups;

/// <summary>The "Warmup" configuration section: when days step, how long events settle, and what a warm-up mails.</summary>
public sealed class WarmupOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string Section = "Warmup";

    /// <summary>The setting the daily-step timer trigger reads its NCRONTAB schedule from.</summary>
    public const string ScheduleSetting = Section + ":DailyStepSchedule";

    /// <summary>The schedule used when <see cref="ScheduleSetting"/> is not configured: 09:00 UTC every day.</summary>
    public const string DefaultSchedule = "0 0 9 * * *";

    /// <summary>Step anyway when no daily-step event arrived this long after the last step.</summary>
    public TimeSpan FallbackAfter { get; set; } = TimeSpan.FromHours(26);

    /// <summary>How long after a day's sends the bounce and complaint events are given to arrive before the gate.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Days per orchestration generation before ContinueAsNew keeps the history small.</summary>
    public int DaysPerGeneration { get; set; } = 7;

    /// <summary>The stream warm-up mail goes out on; its first account is the one whose dedicated IPs are warmed.</summary>
    public string Stream { get; set; } = "marketing";

    /// <summary>The mail account whose dedicated IPs are warmed; the stream's first account when empty.</summary>
    public string? Account { get; set; }

    /// <summary>The sender of warm-up mail unless the request names one.</summary>
    public string FromAddress { get; set; } = "news@example.com";

    /// <summary>The SES template warm-up mail uses unless the request names one; the inline parts are used when empty.</summary>
    public string? TemplateName { get; set; }

    /// <summary>The inline subject used without a template.</summary>
    public string Subject { get; set; } = "News from us, {{name}}";

    /// <summary>The inline HTML body used without a template.</summary>
    public string Html { get; set; } = "<p>Hello {{name}}, here is what is new this week.</p>";

    /// <summary>The inline text body used without a template.</summary>
    public string Text { get; set; } = "Hello {{name}}, here is what is new this week.";

    /// <summary>The configuration set of the shared pool's traffic; the account's own when empty.</summary>
    public string? SharedConfigurationSet { get; set; }

    /// <summary>
    /// Sends 1/N of each day's planned volume (rounded up) while the plan, the split and the day log keep the planned
    /// figures. 1 in production; a simulation on the sandbox raises it so a million-a-day target finishes in minutes.
    /// </summary>
    public int VolumeDivisor { get; set; } = 1;

    /// <summary>Throws naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (FallbackAfter <= TimeSpan.Zero) throw new ArgumentException($"{Section}:FallbackAfter must be positive, not {FallbackAfter}.");
        if (SettleDelay < TimeSpan.Zero) throw new ArgumentException($"{Section}:SettleDelay must not be negative, not {SettleDelay}.");
        if (SettleDelay >= FallbackAfter) throw new ArgumentException($"{Section}:SettleDelay ({SettleDelay}) must be shorter than FallbackAfter ({FallbackAfter}).");
        if (VolumeDivisor < 1) throw new ArgumentException($"{Section}:VolumeDivisor must be at least 1, not {VolumeDivisor}.");
        if (DaysPerGeneration < 1) throw new ArgumentException($"{Section}:DaysPerGeneration must be at least 1, not {DaysPerGeneration}.");
        if (string.IsNullOrWhiteSpace(Stream)) throw new ArgumentException($"{Section}:Stream is required.");
        if (string.IsNullOrWhiteSpace(FromAddress)) throw new ArgumentException($"{Section}:FromAddress is required.");
    }
}
