using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignFlows.Activities;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

/// <summary>Campaign mails carry their attachments as expiring links made when the campaign loads.</summary>
public sealed partial class AttachmentsInCampaigns
{
    private static async Task<string> UploadAsync(CampaignApp app, byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        var response = await app.Client.PostAsync("/api/attachments", new MultipartFormDataContent { { file, "file", fileName } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static object WithAttachments(string id, object template, params string[] attachmentIds) => new
    {
        id,
        from = "news@shop.example",
        template,
        recipients = Recipients(3),
        attachmentIds,
    };

    private static Aws.Ses.ISesClient Ses(CampaignApp app)
    {
        var accounts = app.App.Services.GetRequiredService<MailAccounts>();
        return accounts.Ses(accounts.All.First(a => a.Streams.Contains("marketing", StringComparer.OrdinalIgnoreCase)).Name);
    }

    /// <summary>The campaign's sent messages, each rendered without a missing variable.</summary>
    private static IReadOnlyList<Sandbox.SentMessage> Sent(CampaignApp app, string campaign)
    {
        var sent = app.Sandbox.State.SentMessages().Where(m => m.Tags.GetValueOrDefault(SendBulkEmail.CampaignTag) == campaign).ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, m => Assert.DoesNotContain("RenderingFailure", m.Outcome));
        return sent;
    }

    [Fact]
    public async Task EveryMailOfACampaignCarriesLinksThatDownloadItsAttachment()
    {
        await using var app = await CampaignApp.StartAsync();
        var invoice = Enumerable.Range(0, 20_000).Select(i => (byte)(i * 13)).ToArray();
        var id = await UploadAsync(app, invoice, "invoice.pdf");

        var template = new { subject = "Your invoice, {{name}}", text = "Hi {{name}}, your invoice: {{attachment_1_url}}", html = "<p>Hi {{name}}</p>" };
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(WithAttachments("with-attachment", template, id))).StatusCode);
        var view = await app.WaitForCampaignAsync("with-attachment", TimeSpan.FromSeconds(90));
        Assert.Equal(3, view.GetProperty("report").GetProperty("sent").GetInt64());

        var templateName = Sent(app, "with-attachment").Select(m => m.Template).Distinct().Single()!;
        var stored = (await Ses(app).GetEmailTemplateAsync(new GetEmailTemplateRequest { TemplateName = templateName })).TemplateContent!;
        Assert.Contains("Hi {{name}}", stored.Text, StringComparison.Ordinal);
        var textLink = new Uri(Link().Match(stored.Text!).Value);
        var htmlLink = new Uri(WebUtility.HtmlDecode(HtmlLink().Match(stored.Html!).Groups["url"].Value));
        Assert.Equal(textLink, htmlLink);
        Assert.Contains(">invoice.pdf</a>", stored.Html, StringComparison.Ordinal);

        using var anonymous = new HttpClient { BaseAddress = app.Url };
        Assert.Equal(invoice, await anonymous.GetByteArrayAsync(textLink.PathAndQuery));
    }

    [Fact]
    public async Task AStoredTemplateGetsTheLinksAsTemplateData()
    {
        await using var app = await CampaignApp.StartAsync();
        var id = await UploadAsync(app, [1, 2, 3], "terms.pdf");
        await Ses(app).CreateEmailTemplateAsync(new CreateEmailTemplateRequest
        {
            TemplateName = "terms-update",
            TemplateContent = new EmailTemplateContent { Subject = "New terms", Text = "Hi {{name}}, read {{attachment_1_name}} at {{attachment_1_url}}.\n{{attachments}}" },
        });

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(WithAttachments("stored-template", new { name = "terms-update" }, id))).StatusCode);
        var view = await app.WaitForCampaignAsync("stored-template", TimeSpan.FromSeconds(90));

        Assert.Equal(3, view.GetProperty("report").GetProperty("sent").GetInt64());
        Assert.All(Sent(app, "stored-template"), m => Assert.Equal("terms-update", m.Template));
    }

    [Fact]
    public async Task AnUnknownAttachmentIsRefusedAndNothingStarts()
    {
        await using var app = await CampaignApp.StartAsync();
        var template = new { subject = "Hello {{name}}", text = "Hi {{name}}, {{offer}}" };

        var unknown = await app.PostCampaignAsync(WithAttachments("unknown-attachment", template, "att-0123456789abcdef0123456789abcdef"));
        var malformed = await app.PostCampaignAsync(WithAttachments("malformed-attachment", template, "../../etc/passwd"));

        foreach (var (response, id) in new[] { (unknown, "att-0123456789abcdef0123456789abcdef"), (malformed, "../../etc/passwd") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await ProblemAsync(response);
            Assert.Contains("attachmentIds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/campaigns/unknown-attachment")).StatusCode);
        Assert.Empty(app.Sandbox.State.SentMessages());
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex("<a href=\"(?<url>[^\"]+)\">", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlLink();
}
