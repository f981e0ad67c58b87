using System.Text.Json;
using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Ses;

internal static partial class SesApi
{
    private const int MaxRecipients = 50;
    private const int MaxBulkEntries = 50;

    private static async ValueTask<object> SendEmailAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.SendEmailRequest).ConfigureAwait(false);
        var content = request.Content ?? throw SesErrors.BadRequest("Content is required.");
        var kinds = (content.Simple is null ? 0 : 1) + (content.Raw is null ? 0 : 1) + (content.Template is null ? 0 : 1);
        if (kinds != 1) throw SesErrors.BadRequest("Content must contain exactly one of Simple, Raw or Template.");
        var from = request.FromEmailAddress ?? (content.Raw is not null ? RawFrom(content.Raw) : null);
        if (string.IsNullOrWhiteSpace(from)) throw SesErrors.BadRequest("FromEmailAddress is required.");
        var recipients = Recipients(request.Destination);
        if (content.Simple is { } simple && simple.Subject?.Data is null) throw SesErrors.BadRequest("Content.Simple.Subject.Data is required.");
        CheckCanSend(call.Account);

        string? templateName = null;
        string? renderingError = null;
        if (content.Template is { } templateRef)
        {
            var template = FindTemplate(call.Account, templateRef);
            templateName = template.Name;
            using var data = ParseTemplateData(templateRef.TemplateData, "Content.Template.TemplateData");
            renderingError = RenderingError(template, data.RootElement, default);
        }
        var tags = Tags(request.EmailTags, null);
        var acceptedAt = Acquire(call.Account, recipients.Count);
        var messageId = Record(call, acceptedAt, "SendEmail", from, recipients, tags, request.ConfigurationSetName, templateName, renderingError);
        return new SendEmailResponse(messageId);
    }

    private static void CheckCanSend(SandboxAccount account)
    {
        var options = account.Options;
        if (options.Suspended) throw SesErrors.AccountSuspended();
        if (!account.SendingEnabled) throw SesErrors.SendingPaused();
    }

    /// <summary>Takes the recipients from the rate window and the daily quota; returns the accept instant.</summary>
    private static DateTimeOffset Acquire(SandboxAccount account, int recipients)
    {
        var options = account.Options;
        switch (account.Limiter.TryAcquire(recipients, options.MaxSendRate, options.Max24HourSend, out var acceptedAt))
        {
            case SendDecision.RateExceeded:
                account.CountThrottled();
                throw SesErrors.TooManyRequests();
            case SendDecision.QuotaExceeded:
                account.CountQuotaRefusal();
                throw SesErrors.DailyQuotaExceeded();
            default:
                return acceptedAt;
        }
    }

    private static List<string> Recipients(Destination? destination)
    {
        var all = destination?.All() ?? [];
        if (all.Count == 0) throw SesErrors.BadRequest("Destination must contain at least one of ToAddresses, CcAddresses or BccAddresses.");
        if (all.Count > MaxRecipients) throw SesErrors.BadRequest($"Recipient count exceeds {MaxRecipients}.");
        foreach (var address in all)
        {
            var at = address?.IndexOf('@') ?? -1;
            if (at <= 0 || at == address!.Length - 1) throw SesErrors.BadRequest($"Illegal address: '{address}'.");
        }
        return all;
    }

    private static StoredTemplate FindTemplate(SandboxAccount account, TemplateRef templateRef)
    {
        var name = templateRef.TemplateName ?? templateRef.TemplateArn?[(templateRef.TemplateArn.LastIndexOf('/') + 1)..];
        if (string.IsNullOrEmpty(name)) throw SesErrors.BadRequest("Template must name TemplateName or TemplateArn.");
        return account.Templates.TryGetValue(name, out var template) ? template : throw SesErrors.NotFound($"Template {name} does not exist.");
    }

    private static JsonDocument ParseTemplateData(string? data, string field)
    {
        if (string.IsNullOrEmpty(data)) return JsonDocument.Parse("{}");
        try
        {
            var doc = JsonDocument.Parse(data);
            if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc;
            doc.Dispose();
        }
        catch (JsonException)
        {
            // Falls through to the same answer as a non-object document.
        }
        throw SesErrors.BadRequest($"Invalid {field}: it must be a JSON object.");
    }

    /// <summary>SES accepts the message and reports a missing variable later as a Rendering Failure event.</summary>
    private static string? RenderingError(StoredTemplate template, JsonElement data, JsonElement fallback)
    {
        var missing = template.FirstMissing(data, fallback);
        return missing is null ? null : $"Attribute '{missing}' is not present in the rendering data.";
    }

    private static IReadOnlyDictionary<string, string> Tags(List<MessageTag>? tags, List<MessageTag>? overrides)
    {
        if ((tags is null || tags.Count == 0) && (overrides is null || overrides.Count == 0)) return System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in (tags ?? []).Concat(overrides ?? []))
        {
            if (tag is null || string.IsNullOrEmpty(tag.Name) || tag.Value is null) throw SesErrors.BadRequest("Every message tag needs a Name and a Value.");
            result[tag.Name] = tag.Value;
        }
        return result;
    }

    private static string? RawFrom(RawMessage raw)
    {
        if (raw.Data is null) return null;
        string text;
        try
        {
            text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(raw.Data));
        }
        catch (FormatException)
        {
            throw SesErrors.BadRequest("Content.Raw.Data must be base64.");
        }
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("From:", StringComparison.OrdinalIgnoreCase));
        return line?[5..].Trim();
    }
}
