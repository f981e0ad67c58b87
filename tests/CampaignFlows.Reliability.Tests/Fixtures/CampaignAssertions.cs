using System.Text.Json;

namespace CampaignFlows.Reliability.Tests.Fixtures;

/// <summary>The accounting every reliability scenario checks: the report adds up to the audience, and the sandbox agrees.</summary>
public static class CampaignAssertions
{
    private static readonly string[] Outcomes = ["sent", "suppressed", "blocked", "failed", "deadLettered"];

    /// <summary>Every unique recipient ends in exactly one outcome; returns the report.</summary>
    public static JsonElement AccountsForEveryone(JsonElement view, int audience)
    {
        var report = view.GetProperty("report");
        Assert.Equal(audience, report.GetProperty("unique").GetInt64());
        var accounted = Outcomes.Sum(k => report.GetProperty(k).GetInt64());
        Assert.Equal(audience, accounted + report.GetProperty("rejected").GetInt64());
        return report;
    }

    /// <summary>
    /// The sandbox accepted each of <paramref name="addresses"/> at most <paramref name="maxTimes"/> times and, when
    /// <paramref name="sentReported"/> is given, accepted exactly that many distinct ones of them.
    /// </summary>
    public static void SandboxAgrees(IReadOnlyDictionary<string, int> sent, IEnumerable<string> addresses, long? sentReported = null, int maxTimes = 1)
    {
        var mine = addresses.Where(sent.ContainsKey).ToList();
        Assert.All(mine, a => Assert.InRange(sent[a], 1, maxTimes));
        if (sentReported is { } expected) Assert.Equal(expected, mine.Count);
    }

    public static IEnumerable<string> Addresses(int count, string prefix = "user", string domain = "example.com") =>
        Enumerable.Range(1, count).Select(i => $"{prefix}{i}@{domain}");
}
