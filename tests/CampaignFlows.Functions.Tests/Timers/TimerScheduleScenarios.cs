using CampaignFlows.Durable;
using CampaignFlows.Durable.Testing;
using CampaignFlows.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Tests.Timers;

public sealed class TimerScheduleScenarios
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MissedScheduleIsCaughtUpExactlyOnce()
    {
        NightlyReport.Runs.Clear();
        var root = TestHost.NewContentRoot();
        var clock = new ManualTimeProvider(Start);

        await using (var first = await TimerHosts.StartAsync(typeof(NightlyReport), root, clock, "first"))
            await TimerHosts.AdvanceUntilAsync(clock, () => NightlyReport.Runs.Count == 1, Start.AddHours(3));

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 5, 0, 0, TimeSpan.Zero));
        await using (var second = await TimerHosts.StartAsync(typeof(NightlyReport), root, clock, "second"))
        {
            await TimerHosts.AdvanceUntilAsync(clock, () => NightlyReport.Runs.Count == 2, new DateTimeOffset(2026, 3, 4, 6, 0, 0, TimeSpan.Zero));
            var status = await second.Services.GetRequiredService<IScheduleMonitor>().GetStatusAsync("NightlyReport");
            Assert.Equal(new DateTime(2026, 3, 4, 3, 0, 0, DateTimeKind.Utc), status!.Last);
            Assert.Equal(new DateTime(2026, 3, 5, 3, 0, 0, DateTimeKind.Utc), status.Next);
            clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 2, 50, 0, TimeSpan.Zero));
            await TimerHosts.AdvanceUntilAsync(clock, () => NightlyReport.Runs.Count >= 3, new DateTimeOffset(2026, 3, 5, 4, 0, 0, TimeSpan.Zero));
        }

        var runs = NightlyReport.Runs.ToList();
        Assert.Equal(3, runs.Count);
        Assert.Equal([false, true, false], runs.Select(r => r.IsPastDue));
        Assert.Equal(new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc), runs[1].LastRecorded);
        Assert.Equal(new DateTime(2026, 3, 5, 3, 0, 0, DateTimeKind.Utc), runs[2].At);
    }

    [Fact]
    public async Task EachOccurrenceRunsOnceAcrossTwoHostsSharingAStore()
    {
        SharedCleanup.Runs.Clear();
        var root = TestHost.NewContentRoot();
        var clock = new ManualTimeProvider(Start);
        var settings = new Dictionary<string, string?> { ["CleanupSchedule"] = "0 30 * * * *" };
        await using (var a = await TimerHosts.StartAsync(typeof(SharedCleanup), root, clock, "a", settings))
        await using (var b = await TimerHosts.StartAsync(typeof(SharedCleanup), root, clock, "b", settings))
        {
            for (var occurrence = 1; occurrence <= 4; occurrence++)
            {
                var expected = occurrence;
                await TimerHosts.AdvanceUntilAsync(clock, () => SharedCleanup.Runs.Count >= expected, Start.AddHours(occurrence + 1));
            }
        }

        var runs = SharedCleanup.Runs.ToList();
        Assert.Equal(4, runs.Count);
        Assert.Equal(4, runs.Select(r => r.LastRecorded).Distinct().Count());
    }
}
