using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Tests.Postgres;

/// <summary>What the store does with work whose lease ran out: another host takes it, and only one result ever counts.</summary>
public sealed class LostLeaseScenarios(PostgresStoreFixture db) : IClassFixture<PostgresStoreFixture>
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Completion_from_an_expired_lease_taken_over_by_another_host_is_discarded()
    {
        var schema = $"s_lease_{Guid.NewGuid():N}"[..20];
        await using var a = PostgresStores.Open(db.NewConnectionString(schema));
        await using var b = PostgresStores.Open(db.NewConnectionString(schema));
        var id = await PostgresStores.ScheduleOneActivityAsync(a, T0);

        var candidates = await a.GetActivityCandidatesAsync(10, 10, T0, CancellationToken.None);
        var leasedByA = Assert.Single(await a.LeaseActivitiesAsync(new ActivityLeaseRequest(candidates, "host-a", T0, T0.AddSeconds(1), 10), CancellationToken.None));
        Assert.Empty(await b.LeaseActivitiesAsync(new ActivityLeaseRequest(candidates, "host-b", T0.AddMilliseconds(500), T0.AddSeconds(2), 10), CancellationToken.None));

        var later = T0.AddSeconds(2);
        var leasedByB = Assert.Single(await b.LeaseActivitiesAsync(
            new ActivityLeaseRequest(await b.GetActivityCandidatesAsync(10, 10, later, CancellationToken.None), "host-b", later, later.AddSeconds(30), 10),
            CancellationToken.None));
        Assert.Equal(leasedByA.Id, leasedByB.Id);
        Assert.NotEqual(leasedByA.LockToken, leasedByB.LockToken);
        Assert.False(await a.RenewActivityLeaseAsync(leasedByA.Id, leasedByA.LockToken, later.AddSeconds(30), CancellationToken.None));

        var appliedB = await b.CompleteActivitiesAsync([new ActivityResult(leasedByB.Id, leasedByB.LockToken, PostgresStores.Completion(id, "\"b\"", later))],
            CancellationToken.None);
        var appliedA = await a.CompleteActivitiesAsync([new ActivityResult(leasedByA.Id, leasedByA.LockToken, PostgresStores.Completion(id, "\"a\"", later))],
            CancellationToken.None);

        Assert.Equal([true], appliedB);
        Assert.Equal([false], appliedA);
        var inbox = Assert.Single(Assert.Single(await a.LockOrchestrationsAsync(new OrchestrationLockRequest("host-a", 10, later, later.AddSeconds(30), 100),
            CancellationToken.None)).Messages);
        Assert.Equal("\"b\"", inbox.Event.Data);
    }
}
