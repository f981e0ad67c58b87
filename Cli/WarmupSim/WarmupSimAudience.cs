using CampaignFlows.Campaigns;
using CampaignFlows.Sandbox;

namespace CampaignFlows.Cli.WarmupSim;

/// <summary>
/// The simulated warm-up's audience: engagement scores spread evenly over 0 to 100, and a few small "spike" domains
/// whose mail the sandbox bounces on the days a bounce is injected.
/// </summary>
/// <remarks>
/// Each spike domain holds one recipient in 32 (about 3%: above the warm-up gate's 2%, below the campaign gate's 5%,
/// so the day is held without the day's campaign pausing itself). A bounced address is suppressed afterwards, so each
/// injected day bounces on a domain of its own; a held day repeats the same recipients and finds them clean.
/// </remarks>
public static class WarmupSimAudience
{
    /// <summary>How many bounce days one audience can carry (one spike domain each).</summary>
    public const int SpikeDomains = 4;

    private const int Spacing = 32;

    /// <summary>The blob name the audience is stored under.</summary>
    public const string BlobName = "warmup-sim-audience.csv";

    /// <summary>The domain that bounces on the <paramref name="spike"/>-th injected day (1-based).</summary>
    public static string SpikeDomain(int spike) => $"spike{spike}.example";

    /// <summary>An audience large enough for a plan's busiest day at the given divisor, with room for the engagement tiers.</summary>
    /// <param name="targetDailyVolume">The warm-up's target.</param>
    /// <param name="divisor">The volume divisor the warm-up sends with.</param>
    public static int SizeFor(long targetDailyVolume, int divisor) => (int)Math.Min(int.MaxValue, (targetDailyVolume + divisor - 1) / divisor * 3 / 2 + 100);

    /// <summary>The recipients.</summary>
    public static IReadOnlyList<InlineRecipient> Recipients(int size) =>
    [
        .. Enumerable.Range(1, size).Select(i => new InlineRecipient($"reader{i}@{DomainOf(i)}", $"Reader {i}", i % 101)),
    ];

    /// <summary>Stores the audience in the host's audience store.</summary>
    public static Task SaveAsync(AudienceStore store, int size, CancellationToken cancellation) => store.SaveInlineAsync(BlobName, Recipients(size), cancellation);

    /// <summary>Switches the sandbox's outcomes for a day: the spike domain bounces on an injected day, nothing else does.</summary>
    /// <param name="sandbox">The sandbox's options (the running sandbox reads its domain outcomes from them).</param>
    /// <param name="spike">The injected day's spike number (1 to <see cref="SpikeDomains"/>), or 0 for a clean day.</param>
    /// <remarks>Call only between days, while nothing is being sent: the sandbox reads the table without a lock.</remarks>
    public static void SetSpike(SandboxOptions sandbox, int spike)
    {
        for (var i = 1; i <= SpikeDomains; i++) sandbox.Domains.Remove(SpikeDomain(i));
        if (spike > 0) sandbox.Domains[SpikeDomain(spike)] = new DomainOutcomeOptions { BounceProbability = 1 };
    }

    private static string DomainOf(int i)
    {
        var slot = i % Spacing;
        return slot is >= 1 and <= SpikeDomains ? SpikeDomain(slot) : (i % 2 == 0 ? "example.com" : "mail.example");
    }
}
