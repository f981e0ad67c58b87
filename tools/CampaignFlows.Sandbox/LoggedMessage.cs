using CampaignFlows.Sandbox.Ses;

namespace CampaignFlows.Sandbox;

/// <summary>A <see cref="SentMessage"/> as the log holds it: the message id as its sequence number (it is rebuilt from
/// that and the timestamp), the account instead of its key and region.</summary>
internal readonly record struct LoggedMessage(
    long Sequence,
    DateTimeOffset Timestamp,
    SandboxAccount Account,
    string From,
    IReadOnlyList<string> To,
    string? Template,
    string? ConfigurationSet,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Outcome)
{
    public SentMessage ToSentMessage() =>
        new(MessageIds.Format(Timestamp, Sequence), Account.AccessKeyId, Account.Region, From, To, Template, ConfigurationSet, Tags, Timestamp, Outcome);
}
