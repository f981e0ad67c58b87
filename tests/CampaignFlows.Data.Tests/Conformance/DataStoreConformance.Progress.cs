using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;

namespace CampaignFlows.Data.Tests.Conformance;

public abstract partial class DataStoreConformance
{
    [Fact]
    public async Task CountsAndTheDomainBreakdownFollowEveryOutcome()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, [.. Rows(9), Row("bad@x", "no domain dot")], T0);
        var batch = (await Batches.PlanBatchesAsync(campaign, 0, 1)).Batches.Single();
        var claimed = await Batches.ClaimBatchAsync(campaign, batch.Batch, "t", T0);
        await Batches.RecordResultsAsync(campaign, "t",
        [
            .. claimed.Take(5).Select(r => Sent(r.NormalizedAddress)),
            new(claimed[5].NormalizedAddress, SendOutcome.Failed, Reason: "MessageRejected"),
            new(claimed[6].NormalizedAddress, SendOutcome.DeadLettered, Reason: "no account available"),
            new(claimed[7].NormalizedAddress, SendOutcome.Throttled, Reason: "throttled"),
        ], T0);
        await Progress.RecordFeedbackAsync(new("msg-user0@gmail.com", FeedbackKind.HardBounce, T0), T0);
        await Progress.RecordFeedbackAsync(new("msg-user1@outlook.com", FeedbackKind.Complaint, T0), T0);
        await Progress.RecordFeedbackAsync(new("msg-user2@example.org", FeedbackKind.Delivered, T0), T0);

        var counts = await Progress.GetCountsAsync(campaign);
        var domains = await Progress.GetDomainCountsAsync(campaign, 10);

        Assert.Equal(10, counts.Total);
        Assert.Equal(1, counts.Queued);
        Assert.Equal(1, counts.Sending);
        Assert.Equal(3, counts.Sent);
        Assert.Equal(1, counts[RecipientStatus.Bounced]);
        Assert.Equal(1, counts[RecipientStatus.Complained]);
        Assert.Equal(1, counts[RecipientStatus.Failed]);
        Assert.Equal(1, counts[RecipientStatus.DeadLettered]);
        Assert.Equal(1, counts[RecipientStatus.Rejected]);
        Assert.Equal(1, counts.Delivered);
        Assert.Equal(5, counts.Accepted);
        Assert.Equal(["example.org", "gmail.com", "outlook.com", "x"], domains.Select(d => d.Domain));
        Assert.Equal(1, domains.Single(d => d.Domain == "gmail.com").Counts[RecipientStatus.Bounced]);
        Assert.Equal(1, domains.Single(d => d.Domain == "outlook.com").Counts[RecipientStatus.Complained]);
        Assert.Equal(1, domains.Single(d => d.Domain == "example.org").Counts.Delivered);
        Assert.Equal(2, (await Progress.GetDomainCountsAsync(campaign, 2)).Count);
        Assert.Equal(RecipientCounts.Empty.Total, (await Progress.GetCountsAsync(NewCampaign())).Total);
    }

    [Fact]
    public async Task FeedbackIsFoundByMessageIdAndAppliedOnce()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(3), T0);
        await SendAllAsync(campaign, await Batches.PlanBatchesAsync(campaign, 0, 1));

        var found = await Progress.FindByMessageIdAsync("msg-user1@outlook.com");
        var delivered = await Progress.RecordFeedbackAsync(new("msg-user1@outlook.com", FeedbackKind.Delivered, T0), T0);
        var deliveredAgain = await Progress.RecordFeedbackAsync(new("msg-user1@outlook.com", FeedbackKind.Delivered, T0), T0);
        var bounced = await Progress.RecordFeedbackAsync(new("msg-user0@gmail.com", FeedbackKind.SoftBounce, T0), T0);
        var bouncedAgain = await Progress.RecordFeedbackAsync(new("msg-user0@gmail.com", FeedbackKind.HardBounce, T0), T0);
        var complained = await Progress.RecordFeedbackAsync(new("msg-user1@outlook.com", FeedbackKind.Complaint, T0), T0);
        var unknown = await Progress.RecordFeedbackAsync(new("msg-nobody", FeedbackKind.Delivered, T0), T0);

        Assert.Equal(new RecipientKey(campaign, "user1@outlook.com", "user1@outlook.com", "primary", RecipientStatus.Sent), found);
        Assert.True(delivered!.Changed);
        Assert.False(deliveredAgain!.Changed);
        Assert.True(bounced!.Changed);
        Assert.False(bouncedAgain!.Changed);
        Assert.Equal(RecipientStatus.Bounced, bouncedAgain.Recipient.Status);
        Assert.True(complained!.Changed);
        Assert.Null(unknown);
        Assert.Null(await Progress.FindByMessageIdAsync("msg-nobody"));
        var counts = await Progress.GetCountsAsync(campaign);
        Assert.Equal((1, 1, 1, 1), (counts.Sent, counts[RecipientStatus.Bounced], counts[RecipientStatus.Complained], counts.Delivered));
    }

    [Fact]
    public async Task FeedbackInOneBatchIsAppliedAsOneAtATimeWouldBe()
    {
        var campaign = NewCampaign();
        var other = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(3), T0);
        await SendAllAsync(campaign, await Batches.PlanBatchesAsync(campaign, 0, 1));
        await Recipients.AddChunkAsync(other, [Row("solo@example.net")], T0);
        await SendAllAsync(other, await Batches.PlanBatchesAsync(other, 0, 1));

        var applied = await Progress.RecordFeedbackBatchAsync(
        [
            new("msg-user1@outlook.com", FeedbackKind.Delivered, T0),
            new("msg-user0@gmail.com", FeedbackKind.HardBounce, T0),
            new("msg-nobody", FeedbackKind.Delivered, T0),
            new("msg-user1@outlook.com", FeedbackKind.Delivered, T0),
            new("msg-user0@gmail.com", FeedbackKind.Complaint, T0),
            new("msg-solo@example.net", FeedbackKind.Complaint, T0),
        ], T0);

        Assert.Equal([true, true, null, false, false, true], applied.Select(a => a?.Changed));
        Assert.Equal([campaign, campaign, null, campaign, campaign, other], applied.Select(a => a?.Recipient.CampaignId));
        var counts = await Progress.GetCountsAsync(campaign);
        Assert.Equal((2, 1, 0, 1), (counts.Sent, counts[RecipientStatus.Bounced], counts[RecipientStatus.Complained], counts.Delivered));
        Assert.Equal(1, (await Progress.GetCountsAsync(other))[RecipientStatus.Complained]);
        Assert.Empty(await Progress.RecordFeedbackBatchAsync([], T0));
        await Assert.ThrowsAsync<ArgumentException>(() => Progress.RecordFeedbackBatchAsync([new RecipientFeedback("", FeedbackKind.Delivered, T0)], T0));
    }

    [Fact]
    public async Task FeedbackCountsInTheDeliveryStatisticsOnceWithTheRecipientChange()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(3), T0);
        await SendAllAsync(campaign, await Batches.PlanBatchesAsync(campaign, 0, 1));
        var statistics = Get<IDeliveryStatistics>();
        var before = await statistics.GetWindowAsync(StatsScope.Account("primary"), TimeSpan.FromMinutes(5), T0.AddMinutes(1));

        await Progress.RecordFeedbackBatchAsync(
        [
            new("msg-user0@gmail.com", FeedbackKind.HardBounce, T0),
            new("msg-user1@outlook.com", FeedbackKind.Delivered, T0),
            new("msg-user1@outlook.com", FeedbackKind.Delivered, T0),
            new("msg-nobody", FeedbackKind.Complaint, T0),
        ], T0.AddMinutes(1));
        // Redelivered events change nothing and count nothing.
        await Progress.RecordFeedbackAsync(new("msg-user0@gmail.com", FeedbackKind.HardBounce, T0), T0.AddMinutes(1));
        await Progress.RecordFeedbackAsync(new("msg-user2@example.org", FeedbackKind.Complaint, T0), T0.AddMinutes(1));

        var window = TimeSpan.FromMinutes(5);
        Assert.Equal(new DeliveryCounts(Delivered: 1, HardBounced: 1, Complained: 1),
            await statistics.GetWindowAsync(StatsScope.Campaign(campaign), window, T0.AddMinutes(1)));
        var account = await statistics.GetWindowAsync(StatsScope.Account("primary"), window, T0.AddMinutes(1));
        Assert.Equal((1, 1, 1), (account.Delivered - before.Delivered, account.HardBounced - before.HardBounced, account.Complained - before.Complained));
        Assert.Equal(DeliveryCounts.None, await statistics.GetWindowAsync(StatsScope.Campaign(campaign), TimeSpan.FromSeconds(30), T0.AddSeconds(30)));
    }
}
