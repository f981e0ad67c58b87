using System.Collections.Immutable;

namespace CampaignFlows.Domain;

/// <summary>The template rules checked before each send: the kill switch and the verified-only flag.</summary>
/// <remarks>
/// A blocked template is never sent. A template marked verified-only (for example a password reset) is sent
/// only to addresses the caller has verified. Pure; the app keeps the current rules and swaps them at run time.
/// </remarks>
public sealed record TemplateRules
{
    /// <summary>Rules that allow everything.</summary>
    public static TemplateRules None { get; } = new();

    /// <summary>The kill switch.</summary>
    public TemplateBlocklist Blocklist { get; init; } = TemplateBlocklist.Empty;

    /// <summary>Templates sent only to verified addresses.</summary>
    public ImmutableHashSet<string> VerifiedOnly { get; init; } = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>Marks a template verified-only.</summary>
    /// <param name="template">The template's name.</param>
    public TemplateRules RequireVerified(string template) => this with { VerifiedOnly = VerifiedOnly.Add(template) };

    /// <summary>Whether a template may be sent to a recipient.</summary>
    /// <param name="template">The template's name.</param>
    /// <param name="recipientVerified">Whether the recipient's address is verified.</param>
    public SendPermission Check(string template, bool recipientVerified)
    {
        if (Blocklist.IsBlocked(template))
        {
            return new SendPermission(false, $"Template '{template}' is blocked by the kill switch.");
        }

        return VerifiedOnly.Contains(template) && !recipientVerified
            ? new SendPermission(false, $"Template '{template}' is verified-only and the recipient's address is not verified.")
            : SendPermission.Granted;
    }
}
