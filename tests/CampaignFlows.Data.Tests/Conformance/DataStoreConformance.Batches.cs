using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Data.Tests.Conformance;

public abstract partial class DataStoreConformance
{
    [Fact]
    public async Task BatchesArePlannedInOrderFromTheCheckpointAndNeverOverlap()
    {
        var campaign = NewCampaign();
        var rows = Rows(230);
        await Recipients.AddChunkAsync(campaign, rows.Take(100).ToList(), T0);
        await Recipients.AddChunkAsync(campaign, rows.Skip(100).ToList(), T0);

        var first = await Batches.PlanBatchesAsync(campaign, 0, 2);
        var second = await Batches.PlanBatchesAsync(campaign, first.Checkpoint, 10);
        var done = await Batches.PlanBatchesAsync(campaign, second.Checkpoint, 10);

        Assert.Equal([new(campaign, 1, 50), new BatchRef(campaign, 2, 50)], first.Batches);
        Assert.Equal([new(campaign, 3, 50), new(campaign, 4, 50), new BatchRef(campaign, 5, 30)], second.Batches);
        Assert.True(second.Checkpoint > first.Checkpoint);
        Assert.Empty(done.Batches);
        Assert.Equal(second.Checkpoint, done.Checkpoint);
        var sent = await SendAllAsync(campaign, new BatchPlan([.. first.Batches, .. second.Batches], second.Checkpoint));
        Assert.Equal(rows.Select(r => r.NormalizedAddress), sent);
    }

    [Fact]
    public async Task PlanningTwiceFromTheSameCheckpointReturnsTheSameBatches()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(180), T0);

        var first = await Batches.PlanBatchesAsync(campaign, 0, 2);
        var repeat = await Batches.PlanBatchesAsync(campaign, 0, 3);

        Assert.Equal(first.Batches, repeat.Batches.Take(2));
        Assert.Equal(new BatchRef(campaign, 3, 50), repeat.Batches[2]);
        var rest = await Batches.PlanBatchesAsync(campaign, repeat.Checkpoint, 5);
        Assert.Equal([new BatchRef(campaign, 4, 30)], rest.Batches);
        Assert.Equal(180, (await SendAllAsync(campaign, new BatchPlan([.. repeat.Batches, .. rest.Batches], rest.Checkpoint))).Distinct().Count());
    }

    [Fact]
    public async Task BatchesArePlannedAtTheSizeAskedAndKeepItWhenPlannedAgain()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(40), T0);

        var small = await Batches.PlanBatchesAsync(campaign, 0, 2, batchSize: 15);
        var again = await Batches.PlanBatchesAsync(campaign, 0, 3, batchSize: 50);

        Assert.Equal([new(campaign, 1, 15), new BatchRef(campaign, 2, 15)], small.Batches);
        Assert.Equal([new(campaign, 1, 15), new(campaign, 2, 15), new BatchRef(campaign, 3, 10)], again.Batches);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Batches.PlanBatchesAsync(campaign, 0, 1, batchSize: 51));
    }

    [Fact]
    public async Task AClaimTakesNoMoreThanItsLimitLowestFirstAndLeavesTheRestForTheNext()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(50), T0);
        var batch = (await Batches.PlanBatchesAsync(campaign, 0, 1)).Batches.Single();

        var first = await Batches.ClaimBatchAsync(campaign, batch.Batch, "b#1", T0, maxRecipients: 14);
        var retried = await Batches.ClaimBatchAsync(campaign, batch.Batch, "b#1", T0.AddSeconds(1), maxRecipients: 14);
        await Batches.RecordResultsAsync(campaign, "b#1", retried.Select(r => Sent(r.NormalizedAddress)).ToList(), T0);
        var second = await Batches.ClaimBatchAsync(campaign, batch.Batch, "b#1", T0.AddSeconds(2), maxRecipients: 40);

        Assert.Equal(14, first.Count);
        Assert.Equal(first.Select(r => r.Sequence), retried.Select(r => r.Sequence));
        Assert.Equal(36, second.Count);
        Assert.True(second.Min(r => r.Sequence) > first.Max(r => r.Sequence));
        Assert.Equal(14, (await Progress.GetCountsAsync(campaign)).Sent);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Batches.ClaimBatchAsync(campaign, batch.Batch, "b#1", T0, maxRecipients: 0));
    }

    [Fact]
    public async Task ARetriedClaimReturnsOnlyTheUnsentRecipients()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(50), T0);
        var batch = (await Batches.PlanBatchesAsync(campaign, 0, 1)).Batches.Single();
        var claimed = await Batches.ClaimBatchAsync(campaign, batch.Batch, "attempt-1", T0);
        await Batches.RecordResultsAsync(campaign, "attempt-1", claimed.Take(20).Select(r => Sent(r.NormalizedAddress)).ToList(), T0);

        var retried = await Batches.ClaimBatchAsync(campaign, batch.Batch, "attempt-1", T0.AddSeconds(5));

        Assert.Equal(claimed.Skip(20).Select(r => r.NormalizedAddress), retried.Select(r => r.NormalizedAddress));
        Assert.All(retried, r => Assert.Equal(2, r.Attempt));
        await Batches.RecordResultsAsync(campaign, "attempt-1",
        [
            .. retried.Take(25).Select(r => Sent(r.NormalizedAddress)),
            .. retried.Skip(25).Select(r => new RecipientResult(r.NormalizedAddress, SendOutcome.Throttled, Reason: "TooManyRequests")),
        ], T0);
        var afterThrottle = await Batches.ClaimBatchAsync(campaign, batch.Batch, "attempt-2", T0.AddSeconds(10));
        Assert.Equal(retried.Skip(25).Select(r => r.NormalizedAddress), afterThrottle.Select(r => r.NormalizedAddress));
        Assert.All(afterThrottle, r => Assert.Equal(2, r.Attempt));
        Assert.Equal(45, (await Progress.GetCountsAsync(campaign)).Sent);
    }

    [Fact]
    public async Task AnExpiredClaimIsTakenOverAndTheOldTokensResultsAreStale()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(10), T0);
        var batch = (await Batches.PlanBatchesAsync(campaign, 0, 1)).Batches.Single();
        var stuck = await Batches.ClaimBatchAsync(campaign, batch.Batch, "crashed-host", T0);

        var whileLeased = await Batches.ClaimBatchAsync(campaign, batch.Batch, "other", T0.AddSeconds(30));
        var takenOver = await Batches.ClaimBatchAsync(campaign, batch.Batch, "other", T0.AddMinutes(2));
        var late = await Batches.RecordResultsAsync(campaign, "crashed-host", stuck.Select(r => Sent(r.NormalizedAddress)).ToList(), T0.AddMinutes(2));
        var recorded = await Batches.RecordResultsAsync(campaign, "other", takenOver.Select(r => Sent(r.NormalizedAddress)).ToList(), T0.AddMinutes(2));
        var repeated = await Batches.RecordResultsAsync(campaign, "other", takenOver.Select(r => Sent(r.NormalizedAddress)).ToList(), T0.AddMinutes(2));

        Assert.Empty(whileLeased);
        Assert.Equal(10, takenOver.Count);
        Assert.Equal(new RecordOutcome(0, 10), late);
        Assert.Equal(new RecordOutcome(10, 0), recorded);
        Assert.Equal(new RecordOutcome(0, 10), repeated);
        Assert.Empty(await Batches.ClaimBatchAsync(campaign, batch.Batch, "third", T0.AddHours(1)));
    }

    [Fact]
    public async Task ConcurrentClaimsFromTwoHostsNeverShareARecipient()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(500), T0);
        var plan = await Batches.PlanBatchesAsync(campaign, 0, 10);
        var hostA = NewHost().GetRequiredService<IRecipientBatches>();
        var hostB = NewHost().GetRequiredService<IRecipientBatches>();

        foreach (var batch in plan.Batches)
        {
            var claims = await Task.WhenAll(
                Task.Run(() => hostA.ClaimBatchAsync(campaign, batch.Batch, $"a-{batch.Batch}", T0)),
                Task.Run(() => hostB.ClaimBatchAsync(campaign, batch.Batch, $"b-{batch.Batch}", T0)));
            var a = claims[0].Select(r => r.NormalizedAddress).ToHashSet();
            var b = claims[1].Select(r => r.NormalizedAddress).ToHashSet();
            Assert.Empty(a.Intersect(b));
            Assert.Equal(batch.Count, a.Count + b.Count);
        }
        Assert.Equal(500, (await Progress.GetCountsAsync(campaign)).Sending);
    }

    [Fact]
    public async Task ARecipientExcludedAfterPlanningIsSkippedByTheClaim()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(60), T0);
        var plan = await Batches.PlanBatchesAsync(campaign, 0, 2);

        await Recipients.ExcludeAsync(campaign, ["user4@outlook.com"], RecipientStatus.Blocked, "template blocked", T0);
        var claimed = await Batches.ClaimBatchAsync(campaign, 1, "t", T0);
        var loadedLater = await Recipients.AddChunkAsync(campaign, Rows(5, from: 100), T0);
        var second = await Batches.ClaimBatchAsync(campaign, 2, "t2", T0);

        Assert.Equal(49, claimed.Count);
        Assert.DoesNotContain(claimed, r => r.NormalizedAddress == "user4@outlook.com");
        Assert.Equal(5, loadedLater.Inserted);
        Assert.Equal(10, second.Count);
        Assert.Equal([new BatchRef(campaign, 3, 5)], (await Batches.PlanBatchesAsync(campaign, plan.Checkpoint, 5)).Batches);
    }

    [Fact]
    public async Task ResultsWithoutWhatTheirOutcomeNeedsAreRefused()
    {
        var campaign = NewCampaign();

        var noMessageId = await Assert.ThrowsAsync<ArgumentException>(() => Batches.RecordResultsAsync(campaign, "t", [new("a@gmail.com", SendOutcome.Sent)], T0));
        var noReason = await Assert.ThrowsAsync<ArgumentException>(() => Batches.RecordResultsAsync(campaign, "t", [new("a@gmail.com", SendOutcome.Failed)], T0));
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => Batches.RecordResultsAsync(campaign, "t", [Sent("a@gmail.com"), Sent("a@gmail.com")], T0));

        Assert.Contains("message id", noMessageId.Message);
        Assert.Contains("reason", noReason.Message);
        Assert.Contains("twice", twice.Message);
    }

    [Fact]
    public async Task UnfinishedBatchesAreFoundForTheFinalSweep()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(150), T0);
        var plan = await Batches.PlanBatchesAsync(campaign, 0, 3);
        await SendAllAsync(campaign, new BatchPlan([plan.Batches[0]], 0));
        var claimed = await Batches.ClaimBatchAsync(campaign, 2, "t2", T0);
        await Batches.RecordResultsAsync(campaign, "t2", [new(claimed[0].NormalizedAddress, SendOutcome.Throttled, Reason: "throttled"), .. claimed.Skip(1).Select(r => Sent(r.NormalizedAddress))], T0);

        Assert.Equal([2, 3], await Batches.FindUnfinishedBatchesAsync(campaign, 10));
    }

    [Fact]
    public async Task ResultsCountInTheStatisticsGivenOnceInTheirTransaction()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(4), T0);
        var batch = (await Batches.PlanBatchesAsync(campaign, 0, 1)).Batches.Single();
        var claimed = await Batches.ClaimBatchAsync(campaign, batch.Batch, "t", T0);
        var scopes = new[] { StatsScope.Campaign(campaign) };
        IReadOnlyList<RecipientResult> results =
        [
            Sent(claimed[0].NormalizedAddress),
            Sent(claimed[1].NormalizedAddress),
            new(claimed[2].NormalizedAddress, SendOutcome.Failed, Reason: "MessageRejected"),
            new(claimed[3].NormalizedAddress, SendOutcome.Throttled, Reason: "throttled"),
        ];

        var first = await Batches.RecordResultsAsync(campaign, "t", results, T0, scopes);
        // The same write again, as after a commit whose answer was lost: nothing applies, nothing counts twice.
        var again = await Batches.RecordResultsAsync(campaign, "t", results, T0, scopes);

        Assert.Equal(new RecordOutcome(4, 0), first);
        Assert.Equal(new RecordOutcome(0, 4), again);
        var counted = await Get<IDeliveryStatistics>().GetWindowAsync(scopes[0], TimeSpan.FromMinutes(1), T0);
        Assert.Equal(new DeliveryCounts(Sent: 2, SendErrors: 1), counted);
    }
}
