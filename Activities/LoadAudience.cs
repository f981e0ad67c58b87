using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignFlows.Attachments;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Data.State;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Domain;
using CampaignFlows.Functions;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Activities;

/// <summary>
/// Streams a campaign's audience CSV into the recipients table in chunks (duplicates collapse on the (campaign,
/// address) key), makes sure its SES template exists on every account that may carry it, and applies the
/// suppression list, the template blocklist and the verified-only rule. The campaign's attachments get their expiring
/// links here, written into an inline template or added to each recipient's data for a stored one (<see cref="AttachmentFields"/>).
/// </summary>
/// <remarks>Idempotent: a re-run after a crash inserts nothing new and excludes nobody twice. The links of a re-run are
/// new (they expire from the load that counted), and so is the inline template that carries them.</remarks>
public sealed class LoadAudience(AudienceStore audiences, IRecipientStore recipients, ITemplateBlocklist blocklist, MailAccounts accounts,
    IAttachmentLinks attachments, IOptions<MailOptions> mail, TimeProvider time)
{
    /// <summary>Rows stored per round trip.</summary>
    public const int ChunkSize = 5_000;

    /// <summary>The activity.</summary>
    [Function(nameof(LoadAudience))]
    public async Task<AudienceLoaded> Run([ActivityTrigger] CampaignInput campaign, CancellationToken cancellation)
    {
        var links = campaign.AttachmentIds is { Count: > 0 } ids ? await attachments.GetLinksAsync(ids, cancellation) : [];
        var templateName = await EnsureTemplateAsync(campaign with { Template = AttachmentFields.Apply(campaign.Template, links) }, cancellation);
        var extraData = links.Count > 0 && !string.IsNullOrEmpty(campaign.Template.TemplateName) ? AttachmentFields.Variables(links) : null;
        long rows = 0, inserted = 0, duplicates = 0, rejected = 0;
        using (var reader = await audiences.OpenAsync(campaign.Audience.BlobName, cancellation))
        {
            var chunk = new List<RecipientRow>(ChunkSize);
            foreach (var row in Slice(AudienceCsvReader.Read(reader), campaign.Audience))
            {
                rows++;
                if (row.Recipient is not { } recipient)
                {
                    rejected++;
                    continue;
                }
                chunk.Add(ToRow(recipient, extraData));
                if (chunk.Count == ChunkSize) (inserted, duplicates) = Add(await recipients.AddChunkAsync(campaign.CampaignId, chunk, time.GetUtcNow(), cancellation), inserted, duplicates, chunk);
            }
            if (chunk.Count > 0) (inserted, duplicates) = Add(await recipients.AddChunkAsync(campaign.CampaignId, chunk, time.GetUtcNow(), cancellation), inserted, duplicates, chunk);
        }

        var now = time.GetUtcNow();
        var excluded = (long)await recipients.ExcludeSuppressedAsync(campaign.CampaignId, now, cancellation);
        if (await blocklist.FindAsync(templateName, cancellation) is { } blocked)
            excluded += await recipients.ExcludeRemainingAsync(campaign.CampaignId, $"template '{templateName}' is blocked: {blocked.Reason}", now, cancellation);
        if (campaign.Template.VerifiedOnly)
            excluded += await recipients.ExcludeUnverifiedAsync(campaign.CampaignId, "the template is verified-only and the address is not verified", now, cancellation);

        var options = mail.Value;
        var knobs = new CampaignKnobs(options.WaveBatches, options.WavesPerGeneration, options.MaxSendAttempts, options.PriorityOf(campaign.Stream), options.BatchSize, options.WaveSeconds);
        return new AudienceLoaded(rows, inserted, duplicates, rejected, excluded, templateName, knobs);
    }

    private static (long Inserted, long Duplicates) Add(AddChunkResult result, long inserted, long duplicates, List<RecipientRow> chunk)
    {
        chunk.Clear();
        return (inserted + result.Inserted, duplicates + result.Duplicates);
    }

    private static IEnumerable<AudienceRow> Slice(IEnumerable<AudienceRow> rows, AudienceSource source)
    {
        var filtered = source.MinEngagementScore is { } min ? rows.Where(r => r.Recipient is null || r.Recipient.EngagementScore > min) : rows;
        if (source.Skip is > 0) filtered = filtered.Skip((int)Math.Min(source.Skip.Value, int.MaxValue));
        if (source.Limit is { } limit) filtered = filtered.Take((int)Math.Min(limit, int.MaxValue));
        return filtered;
    }

    /// <summary>The row to store; <paramref name="extraData"/> (the attachment variables) overrides the recipient's own keys of the same names.</summary>
    private static RecipientRow ToRow(AudienceRecipient recipient, IReadOnlyDictionary<string, string>? extraData)
    {
        var data = extraData is null ? recipient.Data : recipient.Data.Where(p => !extraData.ContainsKey(p.Key)).Concat(extraData).ToDictionary();
        return new(recipient.Email.Value, recipient.Email.Value, recipient.Name, recipient.EngagementScore ?? 0,
            data.Count == 0 ? null : JsonSerializer.Serialize(data), recipient.Email.Domain);
    }

    /// <summary>The SES template to send: the named one, or one created from the inline parts on every account of the stream.</summary>
    private async Task<string> EnsureTemplateAsync(CampaignInput campaign, CancellationToken cancellation)
    {
        var template = campaign.Template;
        if (!string.IsNullOrEmpty(template.TemplateName)) return template.TemplateName;
        var name = InlineTemplateName(template);
        foreach (var account in accounts.All.Where(a => a.Streams.Contains(campaign.Stream, StringComparer.OrdinalIgnoreCase)))
        {
            try
            {
                await accounts.Ses(account.Name).CreateEmailTemplateAsync(new CreateEmailTemplateRequest
                {
                    TemplateName = name,
                    TemplateContent = new EmailTemplateContent { Subject = template.Subject, Html = template.Html, Text = template.Text },
                }, cancellation);
            }
            catch (AwsServiceException error) when (error.ErrorCode == "AlreadyExistsException")
            {
                // Same name means same content (the name is the content's hash), so the existing template is the one wanted.
            }
        }
        return name;
    }

    /// <summary>Inline parts are stored as an SES template named after their hash, so equal content shares one template.</summary>
    public static string InlineTemplateName(CampaignTemplate template)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{template.Subject}\u0001{template.Html}\u0001{template.Text}"));
        return "campaignflows-" + Convert.ToHexStringLower(hash)[..24];
    }
}
