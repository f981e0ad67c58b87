namespace CampaignFlows.Sandbox;

/// <summary>The SES event types the sandbox publishes, spelled as SES spells <c>eventType</c>.</summary>
public static class SesEventTypes
{
    /// <summary>The message was accepted for sending.</summary>
    public const string Send = "Send";

    /// <summary>The receiving server accepted the message.</summary>
    public const string Delivery = "Delivery";

    /// <summary>The message bounced (or was suppressed).</summary>
    public const string Bounce = "Bounce";

    /// <summary>The recipient marked the message as spam.</summary>
    public const string Complaint = "Complaint";

    /// <summary>The template could not be rendered with the given data.</summary>
    public const string RenderingFailure = "Rendering Failure";

    /// <summary>Every type above.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Send, Delivery, Bounce, Complaint, RenderingFailure };
}
