using Xunit.Abstractions;

namespace CampaignFlows.Reliability.Tests.Crashes;

public sealed class CrashAccounting(ITestOutputHelper output)
{
    /// <summary>Batches a host may have in flight at once (the harness host.json's maxConcurrentActivityFunctions) of 50 each.</summary>
    private const int InFlightPerKill = 20 * 50;

    [Fact]
    public async Task CampaignSurvivesThreeSigkillsOnSqliteWithEveryRecipientAccountedFor()
    {
        var outcome = await CrashHarness.RunAsync(new CrashPlan(Audience: 20_000, Kills: 3, Seed: 8, Postgres: null, Deadline: TimeSpan.FromMinutes(3)));
        output.WriteLine($"kills {outcome.Kills}, lost {outcome.Lost}, duplicates {outcome.Duplicates} (leads ms [{string.Join(", ", outcome.DuplicateTiming.LeadMs.Distinct())}]), recover_seconds [{string.Join(", ", outcome.RecoverSeconds)}], seconds {outcome.Seconds}");

        Assert.True(outcome.Kills >= 1, "the campaign finished before the first kill");
        Assert.Equal("Completed", outcome.Report.GetProperty("runtimeStatus").GetString());
        Assert.Equal(0, outcome.Lost);
        Assert.InRange(outcome.Duplicates, 0, outcome.Kills * InFlightPerKill);
        Assert.Equal(0, outcome.DuplicateTiming.WithinOneLife);
        var report = outcome.Report.GetProperty("report");
        Assert.Equal(outcome.Audience, report.GetProperty("unique").GetInt64());
        var accounted = new[] { "sent", "suppressed", "blocked", "failed", "deadLettered" }.Sum(k => report.GetProperty(k).GetInt64());
        Assert.Equal(outcome.Audience, accounted + report.GetProperty("rejected").GetInt64());
    }
}
