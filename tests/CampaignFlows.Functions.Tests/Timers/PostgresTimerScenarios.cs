using CampaignFlows.Durable.Testing;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Timers;

public sealed class PostgresTimerScenarios
{
    [Fact]
    public async Task EachOccurrenceRunsOnceAcrossTwoHostsOnPostgres()
    {
        PostgresCleanup.Runs.Clear();
        await using var database = await PostgresDatabase.CreateAsync();
        var hostJson = """
            { "version": "2.0", "extensions": { "durableTask": { "hubName": "TimerHub",
              "storageProvider": { "type": "postgres", "connectionStringName": "DurableStore" } } } }
            """;
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:DurableStore"] = database.ConnectionString };
        var rootA = TestHost.NewContentRoot(hostJson);
        var rootB = TestHost.NewContentRoot(hostJson);
        await using (var a = await TimerHosts.StartAsync(typeof(PostgresCleanup), rootA, clock, "a", settings))
        await using (var b = await TimerHosts.StartAsync(typeof(PostgresCleanup), rootB, clock, "b", settings))
        {
            for (var occurrence = 1; occurrence <= 3; occurrence++)
            {
                var expected = occurrence;
                await TimerHosts.AdvanceUntilAsync(clock, () => PostgresCleanup.Runs.Count >= expected, clock.GetUtcNow().AddHours(2));
            }
        }

        var runs = PostgresCleanup.Runs.ToList();
        Assert.Equal(3, runs.Count);
        Assert.Equal(3, runs.Select(r => r.LastRecorded).Distinct().Count());
    }
}
