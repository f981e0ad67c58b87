using CampaignFlows.Attachments;
using CampaignFlows.Campaigns;

namespace CampaignFlows.Tests.Campaigns;

public sealed class AttachmentFieldsTests
{
    private static readonly AttachmentLink Catalogue = Link("a1", "catalogue & prices.pdf", "https://blobs.example/a1?sig=x&se=1");
    private static readonly AttachmentLink Terms = Link("a2", "terms.txt", "https://blobs.example/a2?sig=y");

    [Fact]
    public void Variables_NumberTheLinksInOrderAndListThemAll()
    {
        var variables = AttachmentFields.Variables([Catalogue, Terms]);

        Assert.Equal("https://blobs.example/a1?sig=x&se=1", variables["attachment_1_url"]);
        Assert.Equal("catalogue & prices.pdf", variables["attachment_1_name"]);
        Assert.Equal("terms.txt", variables["attachment_2_name"]);
        Assert.Equal("catalogue & prices.pdf: https://blobs.example/a1?sig=x&se=1\nterms.txt: https://blobs.example/a2?sig=y", variables["attachments"]);
        Assert.Equal(5, variables.Count);
    }

    [Theory]
    [InlineData("attachments", 1, true)]
    [InlineData("attachment_1_url", 1, true)]
    [InlineData("attachment_2_name", 2, true)]
    [InlineData("attachment_2_url", 1, false)]
    [InlineData("attachment_0_url", 3, false)]
    [InlineData("attachments", 0, false)]
    [InlineData("attachment_1_size", 1, false)]
    [InlineData("name", 1, false)]
    public void Provides_OnlyTheVariablesOfAttachmentsTheCampaignHas(string variable, int count, bool provided) =>
        Assert.Equal(provided, AttachmentFields.Provides(variable, count));

    [Fact]
    public void Apply_InlineTemplate_WritesTheLinksInAndEscapesThemInHtml()
    {
        var template = new CampaignTemplate(Subject: "Your {{attachment_1_name}}", Html: "<p>Get <a href=\"{{attachment_1_url}}\">it</a></p>",
            Text: "Get it: {{ attachment_1_url }}");

        var applied = AttachmentFields.Apply(template, [Catalogue]);

        Assert.Equal("Your catalogue & prices.pdf", applied.Subject);
        Assert.Equal("<p>Get <a href=\"https://blobs.example/a1?sig=x&amp;se=1\">it</a></p>", applied.Html);
        Assert.Equal("Get it: https://blobs.example/a1?sig=x&se=1", applied.Text);
    }

    [Fact]
    public void Apply_TripleBracesInHtml_WriteTheValueRaw()
    {
        var applied = AttachmentFields.Apply(new CampaignTemplate(Subject: "s", Html: "{{{attachment_1_name}}}"), [Catalogue]);

        Assert.Equal("catalogue & prices.pdf", applied.Html);
    }

    [Fact]
    public void Apply_BodyPartsNamingNoLink_GetTheListAppended()
    {
        var applied = AttachmentFields.Apply(new CampaignTemplate(Subject: "Sale {{name}}", Html: "<p>Hi {{name}}</p>", Text: "Hi {{name}}"), [Catalogue, Terms]);

        Assert.Equal("Sale {{name}}", applied.Subject);
        Assert.Equal("<p>Hi {{name}}</p>\n<ul class=\"attachments\"><li><a href=\"https://blobs.example/a1?sig=x&amp;se=1\">catalogue &amp; prices.pdf</a></li>"
            + "<li><a href=\"https://blobs.example/a2?sig=y\">terms.txt</a></li></ul>", applied.Html);
        Assert.Equal("Hi {{name}}\n\ncatalogue & prices.pdf: https://blobs.example/a1?sig=x&se=1\nterms.txt: https://blobs.example/a2?sig=y", applied.Text);
    }

    [Fact]
    public void Apply_TheAttachmentsVariable_BecomesTheHtmlListInHtmlAndTheTextListInText()
    {
        var applied = AttachmentFields.Apply(new CampaignTemplate(Subject: "s", Html: "<div>{{attachments}}</div>", Text: "Files:\n{{attachments}}"), [Terms]);

        Assert.Equal("<div>\n<ul class=\"attachments\"><li><a href=\"https://blobs.example/a2?sig=y\">terms.txt</a></li></ul></div>", applied.Html);
        Assert.Equal("Files:\nterms.txt: https://blobs.example/a2?sig=y", applied.Text);
    }

    [Fact]
    public void Apply_StoredTemplateOrNoLinks_IsUnchanged()
    {
        var stored = new CampaignTemplate(TemplateName: "weekly");
        var inline = new CampaignTemplate(Subject: "s", Text: "t");

        Assert.Same(stored, AttachmentFields.Apply(stored, [Catalogue]));
        Assert.Same(inline, AttachmentFields.Apply(inline, []));
    }

    private static AttachmentLink Link(string id, string name, string url) =>
        new(id, name, "application/octet-stream", 10, new Uri(url), DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
}
