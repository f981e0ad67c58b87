namespace CampaignFlows.Domain;

/// <summary>A configured SES account (or region of one) and the streams it carries.</summary>
/// <param name="Name">A unique name, for example <c>marketing-primary</c>.</param>
/// <param name="Region">The AWS region, for example <c>us-east-1</c>.</param>
/// <param name="Streams">The streams it may send, for example <c>marketing</c> or <c>transactional</c>.</param>
/// <param name="FailoverOrder">Lower is tried first among the accounts carrying a stream.</param>
public sealed record SesAccount(string Name, string Region, IReadOnlyList<string> Streams, int FailoverOrder)
{
    /// <summary>Whether the account carries a stream (names compare case-insensitively).</summary>
    /// <param name="stream">The stream's name.</param>
    public bool Carries(string stream) => Streams.Contains(stream, StringComparer.OrdinalIgnoreCase);
}
