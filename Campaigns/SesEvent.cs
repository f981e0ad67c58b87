using System.Text.Json;
using CampaignFlows.Data.Recipients;

namespace CampaignFlows.Campaigns;

/// <summary>The part of an SES event (SES -> SNS -> SQS) the feedback loop acts on.</summary>
/// <param name="MessageId">SES's message id, <c>mail.messageId</c>.</param>
/// <param name="Kind">The outcome, or null for events that change nothing (Send, Open, Click...).</param>
/// <param name="Recipients">The addresses the event is about (bounced or complaining ones; all destinations otherwise).</param>
public sealed record SesEvent(string MessageId, FeedbackKind? Kind, IReadOnlyList<string> Recipients)
{
    /// <summary>Reads an SNS notification wrapping an SES event, or a raw SES event (SNS raw message delivery).</summary>
    /// <exception cref="FormatException">Not JSON, or no SES event with a message id inside; the message names what is missing.</exception>
    public static SesEvent Parse(string body)
    {
        try
        {
            using var outer = JsonDocument.Parse(body);
            var root = outer.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Type", out var type) && type.GetString() == "Notification")
            {
                var message = root.TryGetProperty("Message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : throw new FormatException("The SNS notification has no Message string.");
                using var inner = JsonDocument.Parse(message);
                return FromEvent(inner.RootElement);
            }
            return FromEvent(root);
        }
        catch (JsonException error)
        {
            throw new FormatException($"The SES event is not valid JSON: {error.Message}", error);
        }
    }

    private static SesEvent FromEvent(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException("The SES event is not a JSON object.");
        var type = Text(e, "eventType") ?? Text(e, "notificationType") ?? throw new FormatException("The SES event has no eventType.");
        var mail = e.TryGetProperty("mail", out var m) && m.ValueKind == JsonValueKind.Object ? m : throw new FormatException("The SES event has no mail object.");
        var messageId = Text(mail, "messageId") ?? throw new FormatException("The SES event has no mail.messageId.");
        return type switch
        {
            "Bounce" => new(messageId, Text(Part(e, "bounce"), "bounceType") == "Permanent" ? FeedbackKind.HardBounce : FeedbackKind.SoftBounce,
                Addresses(Part(e, "bounce"), "bouncedRecipients")),
            "Complaint" => new(messageId, FeedbackKind.Complaint, Addresses(Part(e, "complaint"), "complainedRecipients")),
            "Delivery" => new(messageId, FeedbackKind.Delivered, Destinations(mail)),
            _ => new(messageId, null, Destinations(mail)),
        };
    }

    private static JsonElement Part(JsonElement e, string name) =>
        e.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object ? part : throw new FormatException($"The SES event has no {name} object.");

    private static string[] Addresses(JsonElement part, string list) =>
        part.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.Object ? Text(i, "emailAddress") : null).OfType<string>()]
            : [];

    private static string[] Destinations(JsonElement mail) =>
        mail.TryGetProperty("destination", out var d) && d.ValueKind == JsonValueKind.Array
            ? [.. d.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
