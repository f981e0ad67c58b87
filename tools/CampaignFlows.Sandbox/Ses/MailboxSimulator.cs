namespace CampaignFlows.Sandbox.Ses;

/// <summary>
/// Decides each recipient's outcome: the account suppression list first, then SES's mailbox simulator
/// addresses, then the recipient domain's configured probabilities, drawn from a hash of seed and address
/// so the same address always gets the same outcome.
/// </summary>
internal sealed class MailboxSimulator(int seed, IReadOnlyDictionary<string, DomainOutcomeOptions> domains)
{
    private const string SimulatorDomain = "simulator.amazonses.com";

    public RecipientOutcome Decide(string address, SandboxAccount account)
    {
        if (account.Suppressed.ContainsKey(address)) return RecipientOutcome.OnAccountSuppressionList;
        var at = address.LastIndexOf('@');
        var domain = at < 0 ? "" : address[(at + 1)..];
        if (domain.Equals(SimulatorDomain, StringComparison.OrdinalIgnoreCase)) return Simulated(address.AsSpan(0, at));
        if (domains.Count == 0 || !domains.TryGetValue(domain, out var odds)) return RecipientOutcome.Delivery(true);
        var draw = Draw(address);
        if (draw < odds.BounceProbability) return RecipientOutcome.HardBounce(true);
        if (draw < odds.BounceProbability + odds.ComplaintProbability) return RecipientOutcome.Complaint(true);
        return RecipientOutcome.Delivery(true);
    }

    private static RecipientOutcome Simulated(ReadOnlySpan<char> local)
    {
        // Labels (bounce+campaign1@...) select the same scenario as the bare address, as in SES.
        var plus = local.IndexOf('+');
        var scenario = plus < 0 ? local : local[..plus];
        if (scenario.Equals("bounce", StringComparison.OrdinalIgnoreCase)) return RecipientOutcome.HardBounce(false);
        if (scenario.Equals("complaint", StringComparison.OrdinalIgnoreCase)) return RecipientOutcome.Complaint(false);
        if (scenario.Equals("suppressionlist", StringComparison.OrdinalIgnoreCase)) return RecipientOutcome.SimulatorSuppressed;
        return RecipientOutcome.Delivery(false);
    }

    /// <summary>A uniform number in [0, 1) fixed by seed and address (FNV-1a, stable across processes).</summary>
    private double Draw(string address)
    {
        var hash = 14695981039346656037UL ^ (uint)seed;
        hash *= 1099511628211;
        foreach (var c in address) hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
