using System.Text.Json;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Data.State;
using CampaignFlows.Domain;
using CampaignFlows.Functions;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Messages;

/// <summary>
/// Checks a transactional request completely before anything is sent: the recipient and sender addresses, the stream,
/// the kill switch, the template and its variables, and the verified-only rule. Every problem is a 4xx naming it.
/// </summary>
public sealed class TransactionalValidator(MailAccounts accounts, ITemplateBlocklist blocklist, IVerifiedAddresses verified, IOptions<MessagesOptions> options)
{
    private readonly MessagesOptions _options = options.Value;

    /// <summary>The validated message and its debounce key.</summary>
    /// <exception cref="FunctionHttpException">400 for malformed fields, 422 for an unknown template, missing variables or an unverified recipient, 423 for a blocked template.</exception>
    public async Task<(TransactionalMessage Message, DebounceKey Key)> ValidateAsync(MessageRequest request, CancellationToken cancellation)
    {
        if (!EmailAddress.TryParse(request.To, out var to, out var toError)) throw Invalid("to", toError);
        var fromText = request.From ?? _options.DefaultFrom;
        if (!EmailAddress.TryParse(fromText, out _, out var fromError)) throw Invalid("from", fromError);
        var stream = request.Stream ?? _options.DefaultStream;
        var carriers = accounts.All.Where(a => a.Streams.Contains(stream, StringComparer.OrdinalIgnoreCase)).OrderBy(a => a.FailoverOrder).Select(a => a.Name).ToArray();
        if (carriers.Length == 0) throw Invalid("stream", $"no configured account carries stream '{stream}'.");
        var data = PlainData(request.Data);
        var (name, inline) = TemplateOf(request.Template);

        if (await blocklist.FindAsync(name, cancellation) is { } block)
            throw new FunctionHttpException(423, "Template blocked", $"Template '{name}' is blocked by the kill switch: {block.Reason}");
        var compiled = Compile(inline ?? await SesTemplateAsync(name, carriers[0], cancellation));
        var rendered = compiled.Render(data);
        if (!rendered.IsSuccess) throw Unprocessable("data", rendered.Error!);
        if (_options.VerifiedOnlyTemplates.Contains(name, StringComparer.Ordinal)
            && !(await verified.FindVerifiedAsync([to.Value], cancellation)).Contains(to.Value))
            throw Unprocessable("to", $"template '{name}' is verified-only and '{to.Value}' is not a verified address.");

        var dataJson = JsonSerializer.Serialize(data);
        var message = new TransactionalMessage(stream, accounts.Options.PriorityOf(stream), carriers, fromText!, to.Value, name,
            inline is null ? null : rendered.Message, inline is null ? dataJson : null);
        return (message, DebounceKey.For(name, to, dataJson));
    }

    private static Dictionary<string, string> PlainData(Dictionary<string, JsonElement>? data)
    {
        var plain = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data ?? [])
        {
            if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) throw Invalid($"data.{key}", "must be a plain value (string, number or boolean).");
            if (value.ValueKind is JsonValueKind.Null) continue;
            plain[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }
        return plain;
    }

    private static (string Name, MessageTemplate? Inline) TemplateOf(JsonElement? template)
    {
        switch (template)
        {
            case { ValueKind: JsonValueKind.String } name when !string.IsNullOrWhiteSpace(name.GetString()):
                return (name.GetString()!, null);
            case { ValueKind: JsonValueKind.Object } inline:
                var t = inline.Deserialize<InlineTemplateRequest>(Durable.DurableJson.Options)!;
                if (string.IsNullOrWhiteSpace(t.Name)) throw Invalid("template.name", "is required for an inline template (the kill switch and verified-only rule use it).");
                if (string.IsNullOrWhiteSpace(t.Subject)) throw Invalid("template.subject", "is required for an inline template.");
                return (t.Name, new MessageTemplate(t.Name, t.Subject, t.Html, t.Text));
            default:
                throw Invalid("template", "is required: an SES template name, or an inline object with name, subject and html and/or text.");
        }
    }

    private async Task<MessageTemplate> SesTemplateAsync(string name, string account, CancellationToken cancellation)
    {
        try
        {
            var stored = await accounts.Ses(account).GetEmailTemplateAsync(new GetEmailTemplateRequest { TemplateName = name }, cancellation);
            return new MessageTemplate(name, stored.TemplateContent?.Subject ?? "", stored.TemplateContent?.Html, stored.TemplateContent?.Text);
        }
        catch (AwsServiceException error) when (error.ErrorCode == "NotFoundException")
        {
            throw Unprocessable("template", $"SES has no template named '{name}' on account '{account}'.");
        }
    }

    private static CompiledTemplate Compile(MessageTemplate template)
    {
        try
        {
            return CompiledTemplate.Compile(template);
        }
        catch (DomainValidationException error)
        {
            throw Unprocessable("template", error.Message);
        }
    }

    private static FunctionHttpException Invalid(string field, string problem) => new(400, "Invalid message", $"'{field}' {problem}");

    private static FunctionHttpException Unprocessable(string field, string problem) => new(422, "Message cannot be sent", $"'{field}': {problem}");
}
