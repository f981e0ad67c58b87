using CampaignFlows.Sandbox;

namespace CampaignFlows.Testing;

/// <summary>The sandbox's sent log read as the truth for "sent": per-address counts, totals, and waiting for progress.</summary>
public static class SentLog
{
    /// <summary>Recipients accepted so far (a recipient sent twice counts twice).</summary>
    public static int Total(SandboxHost sandbox) => sandbox.State.SentMessages().Sum(m => m.To.Count);

    /// <summary>Every accepted address with how many times it was accepted.</summary>
    public static Dictionary<string, int> Counts(SandboxHost sandbox) =>
        sandbox.State.SentMessages().SelectMany(m => m.To)
            .GroupBy(a => a, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipients the accounts counted against their 24-hour quotas: never fewer than the log holds, and cheap to read.</summary>
    private static long TakenByQuotas(SandboxHost sandbox) => sandbox.State.Statistics().Sum(s => s.SentLast24Hours);

    /// <summary>Sends beyond the first per address.</summary>
    public static int Duplicates(IReadOnlyDictionary<string, int> counts) => counts.Values.Sum(c => c - 1);

    /// <summary>Waits until at least <paramref name="atLeast"/> recipients were accepted.</summary>
    /// <remarks>
    /// Polls the accounts' quota counters, which take every recipient before the log does, and reads the log only once
    /// they have reached the mark: a log snapshot builds a record per message, and taking one every poll of a
    /// 200,000-message run churned gigabytes through this process.
    /// </remarks>
    public static async Task WaitForAsync(SandboxHost sandbox, int atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (TakenByQuotas(sandbox) < atLeast || Total(sandbox) < atLeast)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No send progress past {Total(sandbox)} within {timeout} (wanted {atLeast}).");
            await Task.Delay(50);
        }
    }

    /// <summary>The most recipients one account had accepted within any sliding one-second window, from the log's timestamps.</summary>
    public static int MaxInAnySecond(SandboxHost sandbox, string accessKeyId)
    {
        var sends = sandbox.State.SentMessages().Where(m => m.AccessKeyId == accessKeyId).OrderBy(m => m.Timestamp).ToList();
        var (max, inWindow, first) = (0, 0, 0);
        foreach (var send in sends)
        {
            inWindow += send.To.Count;
            while (send.Timestamp - sends[first].Timestamp >= TimeSpan.FromSeconds(1)) inWindow -= sends[first++].To.Count;
            max = Math.Max(max, inWindow);
        }
        return max;
    }
}
