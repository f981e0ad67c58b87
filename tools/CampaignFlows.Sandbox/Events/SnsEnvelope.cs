using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CampaignFlows.Sandbox.Events;

/// <summary>Wraps an SES event as the SNS Notification an SQS subscriber receives (raw delivery off).</summary>
internal static class SnsEnvelope
{
    public static string Wrap(string eventJson, SandboxAccount account, string topicName, DateTimeOffset at)
    {
        var topicArn = $"arn:aws:sns:{account.Region}:{account.AccountId}:{topicName}";
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, SesEventJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("Type", "Notification");
            w.WriteString("MessageId", Guid.NewGuid().ToString());
            w.WriteString("TopicArn", topicArn);
            w.WriteString("Message", eventJson);
            w.WriteString("Timestamp", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("SignatureVersion", "1");
            // Signed by nobody: consumers of the sandbox must not verify SNS signatures against AWS's certificate.
            w.WriteString("Signature", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            w.WriteString("SigningCertURL", $"https://sns.{account.Region}.amazonaws.com/SimpleNotificationService-sandbox.pem");
            w.WriteString("UnsubscribeURL", $"https://sns.{account.Region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={topicArn}:sandbox");
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
