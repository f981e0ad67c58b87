namespace CampaignFlows.Data.State;

/// <summary>Argument checks shared by the state stores, with messages that name the bad value.</summary>
internal static class StateGuard
{
    public static void Required(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} is empty.", name);
    }

    public static void Limit(int limit, string name)
    {
        if (limit is < 1 or > 10_000) throw new ArgumentOutOfRangeException(name, limit, "Ask for 1 to 10,000 rows.");
    }
}
