using System.Text.Json;

namespace CampaignFlows.Sandbox.Ses;

/// <summary>A template as stored, with its parts parsed once for fast rendering checks.</summary>
internal sealed record StoredTemplate(string Name, EmailTemplateContent Content, DateTimeOffset CreatedAt)
{
    public TemplateText Subject { get; } = TemplateText.Parse(Content.Subject);

    public TemplateText Text { get; } = TemplateText.Parse(Content.Text);

    public TemplateText Html { get; } = TemplateText.Parse(Content.Html);

    /// <summary>Each variable once, in the order subject, text, HTML: a variable used in several parts is checked once.</summary>
    private IReadOnlyList<TemplateVariable> Variables => field ??= [.. Subject.Variables.Concat(Text.Variables).Concat(Html.Variables).DistinctBy(v => v.Key, StringComparer.Ordinal)];

    /// <summary>The first variable missing from both layers of data, as <see cref="TemplateText.FirstMissing(JsonElement, JsonElement)"/> would find it part by part.</summary>
    public string? FirstMissing(JsonElement data, JsonElement fallback) => TemplateText.FirstMissing(Variables, data, fallback);
}
