using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignFlows.Attachments;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Domain;
using CampaignFlows.Functions;

namespace CampaignFlows.Campaigns;

/// <summary>
/// Checks a campaign request completely before anything is started: addresses, template, per-recipient template
/// data, the audience's rows, stream, numbers and attachment ids. Every problem becomes a 4xx with what was wrong.
/// </summary>
public sealed class CampaignRequestValidator(MailAccounts accounts, AudienceStore audiences, IAttachmentLinks attachments)
{
    /// <summary>The longest client-chosen id.</summary>
    public const int MaxIdLength = 100;

    /// <summary>Validates and returns the campaign id, the template and the inline audience to store (if any).</summary>
    /// <exception cref="FunctionHttpException">400/422 with what was wrong.</exception>
    public async Task<(string Id, CampaignTemplate Template, IReadOnlyList<InlineRecipient>? Inline)> ValidateAsync(
        CampaignRequest request, string? idempotencyKey, CancellationToken cancellation)
    {
        var id = CampaignId(request.Id, idempotencyKey);
        var stream = request.Stream ?? "marketing";
        if (!accounts.All.Any(a => a.Streams.Contains(stream, StringComparer.OrdinalIgnoreCase)))
            throw Invalid("stream", $"no configured account carries stream '{stream}'.");
        if (!EmailAddress.TryParse(request.From, out _, out var fromError)) throw Invalid("from", fromError);
        if (request.PriorityWeight is < 1 or > 100) throw Invalid("priorityWeight", "must be 1 to 100.");
        if (request.BadRows is not (null or "refuse" or "skip")) throw Invalid("badRows", "must be 'refuse' or 'skip'.");
        var skip = request.BadRows == "skip";
        await CheckAttachmentsAsync(request.AttachmentIds, cancellation);
        var attachmentCount = request.AttachmentIds?.Count ?? 0;

        var (template, compiled) = await TemplateAsync(request.Template, stream, cancellation);
        if (request.Recipients is not null == request.AudienceBlob is not null)
            throw Invalid("recipients", "give either 'recipients' (an inline list) or 'audienceBlob' (a stored CSV), not both or neither.");

        if (request.Recipients is { } recipients)
        {
            var rows = recipients.Select((r, i) => ToRow(r, i + 1, compiled, attachmentCount)).ToList();
            var verdict = (skip ? BadRowPolicy.Skip : BadRowPolicy.Refuse).Check(rows.Select(r => r.Row));
            if (!verdict.Accepted) throw Unprocessable("recipients", $"{verdict.Reason} {string.Join("; ", verdict.Errors)}".Replace("line ", "recipient ", StringComparison.Ordinal));
            return (id, template, [.. rows.Where(r => r.Row.IsValid).Select(r => r.Inline!)]);
        }

        if (!await audiences.ExistsAsync(request.AudienceBlob!, cancellation)) throw Invalid("audienceBlob", $"no audience named '{request.AudienceBlob}' is stored.");
        using var reader = await audiences.OpenAsync(request.AudienceBlob!, cancellation);
        AudienceVerdict csvVerdict;
        try
        {
            csvVerdict = (skip ? BadRowPolicy.Skip : BadRowPolicy.Refuse).Check(AudienceCsvReader.Read(reader).Select(r => CheckData(r, compiled, attachmentCount)));
        }
        catch (DomainValidationException error)
        {
            throw Unprocessable("audienceBlob", error.Message);
        }
        if (!csvVerdict.Accepted) throw Unprocessable("audienceBlob", $"{csvVerdict.Reason} {string.Join("; ", csvVerdict.Errors)}");
        return (id, template, null);
    }

    /// <summary>Refuses a campaign naming an attachment that is not stored (or too many), before anything starts.</summary>
    private async Task CheckAttachmentsAsync(IReadOnlyList<string>? ids, CancellationToken cancellation)
    {
        if (ids is null || ids.Count == 0) return;
        if (ids.Count > AttachmentFields.MaxAttachments) throw Invalid("attachmentIds", $"at most {AttachmentFields.MaxAttachments} attachments, not {ids.Count}.");
        if (ids.Any(string.IsNullOrEmpty)) throw Invalid("attachmentIds", "an id is empty.");
        try
        {
            await attachments.GetLinksAsync(ids, cancellation);
        }
        catch (UnknownAttachmentException error)
        {
            throw Invalid("attachmentIds", $"no attachment '{error.Id}' is stored; upload it with POST /api/attachments first.");
        }
    }

    /// <summary>A row whose data lacks a variable of the template is bad, unless the campaign's attachments supply it.</summary>
    private static AudienceRow CheckData(AudienceRow row, CompiledTemplate? compiled, int attachmentCount) =>
        row.Recipient is { } r && compiled?.MissingVariables(r.Data).Where(v => !AttachmentFields.Provides(v, attachmentCount)).ToArray() is { Length: > 0 } missing
            ? new AudienceRow(row.Line, null, $"lacks template data: {string.Join(", ", missing)}.")
            : row;

    private static (AudienceRow Row, InlineRecipient? Inline) ToRow(RecipientRequest recipient, int index, CompiledTemplate? compiled, int attachmentCount)
    {
        if (!EmailAddress.TryParse(recipient.Email, out var email, out var error)) return (new AudienceRow(index, null, error), null);
        if (recipient.EngagementScore is < 0 or > 100) return (new AudienceRow(index, null, "has an engagementScore outside 0 to 100."), null);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in recipient.Data ?? [])
        {
            if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) return (new AudienceRow(index, null, $"has data '{key}' that is not a plain value."), null);
            data[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }
        if (recipient.Name is { } name) data.TryAdd("name", name);
        var row = CheckData(new AudienceRow(index, new AudienceRecipient(email, recipient.Name, recipient.EngagementScore, data), null), compiled, attachmentCount);
        return (row, row.IsValid ? new InlineRecipient(email.Value, recipient.Name, recipient.EngagementScore, data) : null);
    }

    private async Task<(CampaignTemplate Template, CompiledTemplate? Compiled)> TemplateAsync(TemplateRequest? request, string stream, CancellationToken cancellation)
    {
        if (request is null) throw Invalid("template", "is required: give 'name' (an SES template) or inline 'subject' with 'html' and/or 'text'.");
        MessageTemplate content;
        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            var account = accounts.All.First(a => a.Streams.Contains(stream, StringComparer.OrdinalIgnoreCase));
            try
            {
                var stored = await accounts.Ses(account.Name).GetEmailTemplateAsync(new GetEmailTemplateRequest { TemplateName = request.Name }, cancellation);
                content = new MessageTemplate(request.Name, stored.TemplateContent?.Subject ?? "", stored.TemplateContent?.Html, stored.TemplateContent?.Text);
            }
            catch (AwsServiceException error) when (error.ErrorCode == "NotFoundException")
            {
                throw Unprocessable("template.name", $"SES has no template named '{request.Name}' on account '{account.Name}'.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.Subject) || (string.IsNullOrWhiteSpace(request.Html) && string.IsNullOrWhiteSpace(request.Text)))
                throw Invalid("template", "an inline template needs 'subject' and at least one of 'html' and 'text'.");
            content = new MessageTemplate("inline", request.Subject, request.Html, request.Text);
        }

        CompiledTemplate compiled;
        try
        {
            compiled = CompiledTemplate.Compile(content);
        }
        catch (DomainValidationException error)
        {
            throw Unprocessable("template", error.Message);
        }
        return (new CampaignTemplate(request.Name, request.Subject, request.Html, request.Text, request.VerifiedOnly), compiled);
    }

    /// <summary>The campaign id: the client's, one derived from the Idempotency-Key header, or a new one.</summary>
    public static string CampaignId(string? requested, string? idempotencyKey)
    {
        if (requested is not null)
        {
            if (requested.Length is 0 or > MaxIdLength || !requested.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw Invalid("id", $"must be 1 to {MaxIdLength} letters, digits, '-' or '_'.");
            return requested;
        }
        if (!string.IsNullOrEmpty(idempotencyKey))
            return "cmp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24];
        return "cmp-" + Guid.NewGuid().ToString("N")[..24];
    }

    private static FunctionHttpException Invalid(string field, string message) => new(400, "Invalid campaign", $"{field}: {message}");

    private static FunctionHttpException Unprocessable(string field, string message) => new(422, "Campaign cannot be sent", $"{field}: {message}");
}
