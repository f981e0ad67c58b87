using System.Text.Json;
using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Ses;

internal static partial class SesApi
{
    private static async ValueTask<object> SendBulkEmailAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.SendBulkEmailRequest).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.FromEmailAddress)) throw SesErrors.BadRequest("FromEmailAddress is required.");
        var templateRef = request.DefaultContent?.Template ?? throw SesErrors.BadRequest("DefaultContent.Template is required.");
        var entries = request.BulkEmailEntries;
        if (entries is null || entries.Count == 0) throw SesErrors.BadRequest("BulkEmailEntries must contain at least one entry.");
        if (entries.Count > MaxBulkEntries) throw SesErrors.BadRequest($"BulkEmailEntries can contain at most {MaxBulkEntries} entries, got {entries.Count}.");
        var recipients = new List<string>[entries.Count];
        var total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null) throw SesErrors.BadRequest($"BulkEmailEntries[{i}] must be an object.");
            recipients[i] = Recipients(entries[i].Destination);
            total += recipients[i].Count;
        }
        CheckCanSend(call.Account);
        var template = FindTemplate(call.Account, templateRef);
        using var defaults = ParseTemplateData(templateRef.TemplateData, "DefaultContent.Template.TemplateData");
        var replacements = new JsonDocument?[entries.Count];
        try
        {
            for (var i = 0; i < entries.Count; i++)
                if (entries[i].ReplacementEmailContent?.ReplacementTemplate?.ReplacementTemplateData is { } data)
                    replacements[i] = ParseTemplateData(data, $"BulkEmailEntries[{i}].ReplacementEmailContent.ReplacementTemplate.ReplacementTemplateData");
            var tags = new IReadOnlyDictionary<string, string>[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                // Entries of one call mostly carry the same tags; sharing one read-only map keeps the log small.
                tags[i] = i > 0 && SameTags(entries[i].ReplacementTags, entries[i - 1].ReplacementTags)
                    ? tags[i - 1]
                    : Tags(request.DefaultEmailTags, entries[i].ReplacementTags);
            }
            var acceptedAt = Acquire(call.Account, total);
            var results = new List<BulkEmailEntryResult>(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var data = replacements[i]?.RootElement ?? default;
                var renderingError = RenderingError(template, data, defaults.RootElement);
                var messageId = Record(call, acceptedAt, "SendBulkEmail", request.FromEmailAddress, recipients[i], tags[i], request.ConfigurationSetName, template.Name, renderingError);
                results.Add(new BulkEmailEntryResult("SUCCESS", null, messageId));
            }
            return new SendBulkEmailResponse(results);
        }
        finally
        {
            foreach (var doc in replacements) doc?.Dispose();
        }
    }

    private static bool SameTags(List<MessageTag>? a, List<MessageTag>? b) =>
        a is null or { Count: 0 } ? b is null or { Count: 0 } : b is not null && a.SequenceEqual(b);
}
