using CampaignFlows.Durable.Dispatch;
using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Tests.Unit;

public sealed class FairSchedulerTests
{
    private static List<ActivityCandidate> Backlog(string key, int weight, int count, int priority = 0, long firstId = 0) =>
        Enumerable.Range(0, count).Select(i => new ActivityCandidate(firstId + i, priority, key, weight, [])).ToList();

    [Fact]
    public void Order_Weights9To1BothBacklogged_Gives90To10()
    {
        var scheduler = new FairScheduler();
        var dispatched = new List<ActivityCandidate>();
        for (var round = 0; round < 20; round++)
        {
            var batch = scheduler.Order([.. Backlog("big", 9, 50, firstId: 0), .. Backlog("small", 1, 50, firstId: 1000)]).Take(10).ToList();
            scheduler.Charge(batch);
            dispatched.AddRange(batch);
        }

        Assert.Equal(180, dispatched.Count(d => d.FairnessKey == "big"));
        Assert.Equal(20, dispatched.Count(d => d.FairnessKey == "small"));
    }

    [Fact]
    public void Order_HigherPriorityClass_ComesFirst()
    {
        var ordered = new FairScheduler().Order([.. Backlog("campaign", 1, 3, 0), .. Backlog("transactional", 1, 2, 10, 100)]);

        Assert.Equal(["transactional", "transactional", "campaign", "campaign", "campaign"], ordered.Select(c => c.FairnessKey));
    }

    [Fact]
    public void Charge_KeyReturningAfterIdling_DoesNotGetABurstForTheTimeAway()
    {
        var scheduler = new FairScheduler();
        for (var i = 0; i < 100; i++) scheduler.Charge(scheduler.Order(Backlog("steady", 1, 1, firstId: i)));

        var ordered = scheduler.Order([.. Backlog("steady", 1, 10, firstId: 1000), .. Backlog("returning", 1, 10, firstId: 2000)]).Take(10);

        Assert.InRange(ordered.Count(c => c.FairnessKey == "returning"), 4, 6);
    }
}
