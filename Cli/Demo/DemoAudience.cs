namespace CampaignFlows.Cli.Demo;

/// <summary>The demo's audience: mostly deliverable, some bouncing and complaining domains, a few invalid and duplicate rows.</summary>
public static class DemoAudience
{
    /// <summary>The sandbox domain whose mail bounces (probability set in the demo's sandbox options).</summary>
    public const string BouncyDomain = "bouncy.example";

    /// <summary>The sandbox domain whose recipients sometimes complain.</summary>
    public const string GrumpyDomain = "grumpy.example";

    /// <summary>Invalid rows added to the audience.</summary>
    public const int Invalid = 12;

    /// <summary>Duplicate rows added to the audience.</summary>
    public const int Duplicates = 40;

    /// <summary>The rows: <paramref name="size"/> distinct valid recipients, then the invalid and duplicate rows.</summary>
    public static IEnumerable<object> Rows(int size)
    {
        for (var i = 1; i <= size; i++)
        {
            var domain = (i % 100) switch { 0 => BouncyDomain, 1 => GrumpyDomain, _ => i % 3 == 0 ? "mail.example" : "example.com" };
            yield return new { email = $"customer{i}@{domain}", name = $"Customer {i}", engagementScore = i % 101 };
        }
        for (var i = 1; i <= Invalid; i++) yield return new { email = i % 2 == 0 ? $"broken{i}.example.com" : $"\"Boss\" <boss{i}@example.com>", name = "Broken", engagementScore = 0 };
        for (var i = 1; i <= Duplicates; i++) yield return new { email = $"CUSTOMER{i * 7}@{(i * 7 % 3 == 0 ? "mail.example" : "example.com")}", name = "Again", engagementScore = 1 };
    }
}
