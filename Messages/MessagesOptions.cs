namespace CampaignFlows.Messages;

/// <summary>The "Messages" configuration section: transactional mail knobs.</summary>
public sealed class MessagesOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string Section = "Messages";

    /// <summary>The stream a request without one is sent on.</summary>
    public string DefaultStream { get; set; } = "transactional";

    /// <summary>The sender address when a request names none.</summary>
    public string DefaultFrom { get; set; } = "no-reply@campaignflows.example";

    /// <summary>How long a request's first answer stands in for repeats (same template, recipient and data).</summary>
    public TimeSpan DebounceWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a request waits for SES to accept its mail before answering 202 with the status URL.</summary>
    public TimeSpan AnswerWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>SES or inline template names sent only to verified addresses.</summary>
    public List<string> VerifiedOnlyTemplates { get; set; } = [];

    /// <summary>Requests one client (API key or remote address) may make per <see cref="RateLimitWindow"/>.</summary>
    public int ClientPermitLimit { get; set; } = 600;

    /// <summary>The window of the per-client rate limit.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DefaultStream)) throw new ArgumentException("Messages:DefaultStream is required.");
        if (DebounceWindow <= TimeSpan.Zero) throw new ArgumentException($"Messages:DebounceWindow must be positive, not {DebounceWindow}.");
        if (AnswerWait <= TimeSpan.Zero) throw new ArgumentException($"Messages:AnswerWait must be positive, not {AnswerWait}.");
        if (ClientPermitLimit < 1) throw new ArgumentException($"Messages:ClientPermitLimit must be at least 1, not {ClientPermitLimit}.");
        if (RateLimitWindow <= TimeSpan.Zero) throw new ArgumentException($"Messages:RateLimitWindow must be positive, not {RateLimitWindow}.");
    }
}
