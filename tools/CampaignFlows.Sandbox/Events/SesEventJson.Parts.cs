using System.Text.Json;
using CampaignFlows.Sandbox.Ses;

namespace CampaignFlows.Sandbox.Events;

internal static partial class SesEventJson
{
    private static void Mail(Utf8JsonWriter w, SentMail mail)
    {
        var account = mail.Account;
        var fromDomain = mail.From[(mail.From.LastIndexOf('@') + 1)..];
        w.WriteStartObject("mail");
        w.WriteString("timestamp", Iso(mail.Timestamp));
        w.WriteString("source", mail.From);
        w.WriteString("sourceArn", $"arn:aws:ses:{account.Region}:{account.AccountId}:identity/{fromDomain}");
        w.WriteString("sendingAccountId", account.AccountId);
        w.WriteString("messageId", mail.MessageId);
        w.WriteStartArray("destination");
        foreach (var r in mail.Recipients) w.WriteStringValue(r);
        w.WriteEndArray();
        w.WriteBoolean("headersTruncated", false);
        w.WriteStartObject("tags");
        Tag(w, "ses:operation", mail.Operation);
        if (mail.ConfigurationSet is not null) Tag(w, "ses:configuration-set", mail.ConfigurationSet);
        Tag(w, "ses:source-ip", "127.0.0.1");
        Tag(w, "ses:from-domain", fromDomain);
        Tag(w, "ses:caller-identity", account.AccessKeyId);
        foreach (var (name, value) in mail.Tags) Tag(w, name, value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Tag(Utf8JsonWriter w, string name, string value)
    {
        w.WriteStartArray(name);
        w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static void Delivery(Utf8JsonWriter w, List<string> recipients, string at)
    {
        w.WriteStartObject("delivery");
        w.WriteString("timestamp", at);
        w.WriteNumber("processingTimeMillis", 120);
        Addresses(w, "recipients", recipients);
        w.WriteString("smtpResponse", "250 2.6.0 Message received");
        w.WriteString("reportingMTA", ReportingMta);
    }

    private static void Bounce(Utf8JsonWriter w, List<(string Address, RecipientOutcome Outcome)> group, string at)
    {
        var first = group[0].Outcome;
        w.WriteStartObject("bounce");
        w.WriteString("feedbackId", Guid.NewGuid().ToString("N"));
        w.WriteString("bounceType", first.BounceType);
        w.WriteString("bounceSubType", first.BounceSubType);
        w.WriteStartArray("bouncedRecipients");
        foreach (var (address, outcome) in group)
        {
            w.WriteStartObject();
            w.WriteString("emailAddress", address);
            w.WriteString("action", "failed");
            w.WriteString("status", outcome.Status);
            w.WriteString("diagnosticCode", outcome.DiagnosticCode);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("timestamp", at);
        w.WriteString("reportingMTA", "dns; " + ReportingMta);
    }

    private static void Complaint(Utf8JsonWriter w, List<string> recipients, string at)
    {
        w.WriteStartObject("complaint");
        w.WriteString("feedbackId", Guid.NewGuid().ToString("N"));
        w.WriteString("complaintSubType", (string?)null);
        w.WriteStartArray("complainedRecipients");
        foreach (var r in recipients)
        {
            w.WriteStartObject();
            w.WriteString("emailAddress", r);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("timestamp", at);
        w.WriteString("userAgent", "Amazon SES Mailbox Simulator");
        w.WriteString("complaintFeedbackType", "abuse");
        w.WriteString("arrivalDate", at);
    }

    private static void Addresses(Utf8JsonWriter w, string name, List<string> addresses)
    {
        w.WriteStartArray(name);
        foreach (var a in addresses) w.WriteStringValue(a);
        w.WriteEndArray();
    }
}
