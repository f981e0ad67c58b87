namespace CampaignFlows.Sandbox.Ses;

/// <summary>A template as stored, with its parts parsed once for fast rendering checks.</summary>
internal sealed record StoredTemplate(string Name, EmailTemplateContent Content, DateTimeOffset CreatedAt)
{
    public TemplateText Subject { get; } = TemplateText.Parse(Content.Subject);

    public TemplateText Text { get; } = TemplateText.Parse(Content.Text);

    public TemplateText Html { get; } = TemplateText.Parse(Content.Html);
}
