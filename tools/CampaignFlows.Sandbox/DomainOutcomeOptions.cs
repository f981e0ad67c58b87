namespace CampaignFlows.Sandbox;

/// <summary>How often recipients of one domain bounce or complain; decided per address, reproducibly.</summary>
public sealed record DomainOutcomeOptions
{
    /// <summary>Share in [0, 1] of addresses that bounce permanently.</summary>
    public double BounceProbability { get; init; }

    /// <summary>Share in [0, 1] of addresses that are delivered and then complain.</summary>
    public double ComplaintProbability { get; init; }

    internal void Validate(string path)
    {
        if (BounceProbability is < 0 or > 1 || ComplaintProbability is < 0 or > 1 || BounceProbability + ComplaintProbability > 1)
            throw new ArgumentException($"{path}: BounceProbability and ComplaintProbability must be within [0, 1] and sum to at most 1.");
    }
}
