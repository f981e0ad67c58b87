using System.Collections.Immutable;

namespace CampaignFlows.Domain;

/// <summary>The kill switch: templates that must not be sent, changeable at run time.</summary>
/// <remarks>Immutable; names compare exactly, as SES template names do.</remarks>
public sealed record TemplateBlocklist
{
    /// <summary>A blocklist blocking nothing.</summary>
    public static TemplateBlocklist Empty { get; } = new();

    /// <summary>The blocked template names.</summary>
    public ImmutableHashSet<string> Blocked { get; init; } = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>Whether a template is blocked.</summary>
    /// <param name="template">The template's name.</param>
    public bool IsBlocked(string template) => Blocked.Contains(template);

    /// <summary>Blocks a template.</summary>
    /// <param name="template">The template's name.</param>
    public TemplateBlocklist Block(string template) => this with { Blocked = Blocked.Add(Required(template)) };

    /// <summary>Lifts a block.</summary>
    /// <param name="template">The template's name.</param>
    public TemplateBlocklist Unblock(string template) => this with { Blocked = Blocked.Remove(template) };

    private static string Required(string template) =>
        string.IsNullOrWhiteSpace(template) ? throw new DomainValidationException("template", "is required.") : template;
}
