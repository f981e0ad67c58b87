namespace CampaignFlows.Data.Recipients;

/// <summary>The stored names of <see cref="RecipientStatus"/> values, readable in either database.</summary>
internal static class RecipientStatusNames
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Bounced = "bounced";
    public const string Complained = "complained";
    public const string Rejected = "rejected";

    /// <summary>Not a status: the counter of sent recipients whose delivery was confirmed.</summary>
    public const string Delivered = "delivered";

    public static string Name(RecipientStatus status) => status switch
    {
        RecipientStatus.Queued => Queued,
        RecipientStatus.Sending => Sending,
        RecipientStatus.Sent => Sent,
        RecipientStatus.Suppressed => "suppressed",
        RecipientStatus.Blocked => "blocked",
        RecipientStatus.Rejected => Rejected,
        RecipientStatus.Failed => "failed",
        RecipientStatus.DeadLettered => "dead_lettered",
        RecipientStatus.Bounced => Bounced,
        RecipientStatus.Complained => Complained,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown recipient status."),
    };

    private static readonly Dictionary<string, RecipientStatus> ByName = Enum.GetValues<RecipientStatus>().ToDictionary(Name);

    public static RecipientStatus Parse(string name) =>
        ByName.TryGetValue(name, out var status) ? status : throw new InvalidOperationException($"Unknown recipient status '{name}' in the database.");
}
