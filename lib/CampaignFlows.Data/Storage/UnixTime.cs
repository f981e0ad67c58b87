namespace CampaignFlows.Data.Storage;

/// <summary>Times are stored as Unix milliseconds so both providers compare and bucket them the same way.</summary>
internal static class UnixTime
{
    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset From(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? From(long? ms) => ms is { } value ? From(value) : null;
}
