namespace CampaignFlows.Durable.Runtime;

/// <summary>What a valid instance id is.</summary>
internal static class InstanceIds
{
    public const int MaxLength = 256;

    /// <exception cref="ArgumentException">The id is empty, too long or holds control characters.</exception>
    public static void Validate(string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException($"{what} must not be empty.", what);
        if (id.Length > MaxLength) throw new ArgumentException($"{what} is {id.Length} characters long; at most {MaxLength} are allowed.", what);
        if (id.Any(char.IsControl)) throw new ArgumentException($"{what} must not contain control characters.", what);
    }
}
