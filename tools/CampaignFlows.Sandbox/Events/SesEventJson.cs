using System.Text;
using System.Text.Json;
using CampaignFlows.Sandbox.Ses;

namespace CampaignFlows.Sandbox.Events;

/// <summary>Writes SES event-publishing JSON (camelCase, as SES sends it) for one sent mail.</summary>
internal static partial class SesEventJson
{
    private const string ReportingMta = "a8-70.smtp-out.amazonses.com";

    /// <summary>Escapes only what JSON requires, as AWS does.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<(string Type, string Json)> Events(SentMail mail, IReadOnlyCollection<string> types)
    {
        if (types.Count == 0) yield break;
        var at = Iso(mail.Timestamp);
        if (types.Contains(SesEventTypes.Send)) yield return (SesEventTypes.Send, Write(mail, SesEventTypes.Send, w => w.WriteStartObject("send")));
        if (mail.RenderingError is not null)
        {
            if (types.Contains(SesEventTypes.RenderingFailure))
                yield return (SesEventTypes.RenderingFailure, Write(mail, SesEventTypes.RenderingFailure, w =>
                {
                    w.WriteStartObject("failure");
                    w.WriteString("errorMessage", mail.RenderingError);
                    w.WriteString("templateName", mail.Template);
                }));
            yield break;
        }
        var delivered = Pick(mail, o => o.Delivered);
        if (delivered.Count > 0 && types.Contains(SesEventTypes.Delivery))
            yield return (SesEventTypes.Delivery, Write(mail, SesEventTypes.Delivery, w => Delivery(w, delivered, at)));
        foreach (var group in Bounces(mail))
            if (types.Contains(SesEventTypes.Bounce))
                yield return (SesEventTypes.Bounce, Write(mail, SesEventTypes.Bounce, w => Bounce(w, group, at)));
        var complained = Pick(mail, o => o.Complains);
        if (complained.Count > 0 && types.Contains(SesEventTypes.Complaint))
            yield return (SesEventTypes.Complaint, Write(mail, SesEventTypes.Complaint, w => Complaint(w, complained, at)));
    }

    private static List<string> Pick(SentMail mail, Func<RecipientOutcome, bool> test)
    {
        var picked = new List<string>();
        for (var i = 0; i < mail.Recipients.Count; i++)
            if (test(mail.Outcomes[i])) picked.Add(mail.Recipients[i]);
        return picked;
    }

    private static IEnumerable<List<(string Address, RecipientOutcome Outcome)>> Bounces(SentMail mail) =>
        mail.Recipients.Zip(mail.Outcomes).Where(p => p.Second.Bounced)
            .GroupBy(p => p.Second.BounceSubType)
            .Select(g => g.Select(p => (p.First, p.Second)).ToList());

    private static string Write(SentMail mail, string type, Action<Utf8JsonWriter> detail)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, SesEventJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("eventType", type);
            Mail(w, mail);
            detail(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string FeedbackId(SentMail mail, string kind) => $"{mail.MessageId}-{kind}-000000";
}
