using System.Security.Cryptography;

namespace CampaignFlows.Sandbox.Sqs;

/// <summary>Opaque receipt handles: a fixed prefix, the message id and a random part, so each receive gets a new one.</summary>
internal static class ReceiptHandles
{
    private const string Prefix = "AQEB";

    public static string New(string messageId) =>
        Prefix + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(messageId)) + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsWellFormed(string handle) =>
        handle.StartsWith(Prefix, StringComparison.Ordinal) && handle.IndexOf('.', Prefix.Length) > Prefix.Length;
}
