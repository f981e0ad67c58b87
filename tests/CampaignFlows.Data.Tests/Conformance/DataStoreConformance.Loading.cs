using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.State;
using CampaignFlows.Data.Suppressions;

namespace CampaignFlows.Data.Tests.Conformance;

public abstract partial class DataStoreConformance
{
    [Fact]
    public async Task DuplicatesCollapseWithinAndAcrossChunks()
    {
        var campaign = NewCampaign();
        var first = await Recipients.AddChunkAsync(campaign, [Row("a@gmail.com"), Row("A@Gmail.com "), Row("b@outlook.com")], T0);
        var second = await Recipients.AddChunkAsync(campaign, [Row("b@outlook.com"), Row("c@gmail.com")], T0);

        Assert.Equal(new AddChunkResult(2, 1, 0), first);
        Assert.Equal(new AddChunkResult(1, 1, 0), second);
        var counts = await Progress.GetCountsAsync(campaign);
        Assert.Equal(3, counts.Queued);
        Assert.Equal(3, counts.Total);
    }

    [Fact]
    public async Task ReAddingAChunkAfterACrashInsertsNothing()
    {
        var campaign = NewCampaign();
        var chunk = Rows(120);
        await Recipients.AddChunkAsync(campaign, chunk, T0);

        var again = await Recipients.AddChunkAsync(campaign, chunk, T0);

        Assert.Equal(new AddChunkResult(0, 120, 0), again);
        Assert.Equal(120, (await Progress.GetCountsAsync(campaign)).Total);
        var plan = await Batches.PlanBatchesAsync(campaign, 0, 10);
        Assert.Equal(chunk.Select(r => r.NormalizedAddress), await SendAllAsync(campaign, plan));
    }

    [Fact]
    public async Task RowsWithARejectReasonAreStoredRejectedAndNeverPlanned()
    {
        var campaign = NewCampaign();
        var result = await Recipients.AddChunkAsync(campaign, [Row("ok@gmail.com"), Row("bad@@gmail.com", "invalid address syntax")], T0);

        Assert.Equal(new AddChunkResult(2, 0, 1), result);
        var plan = await Batches.PlanBatchesAsync(campaign, 0, 5);
        Assert.Equal(["ok@gmail.com"], await SendAllAsync(campaign, plan));
        Assert.Equal(1, (await Progress.GetCountsAsync(campaign))[RecipientStatus.Rejected]);
    }

    [Fact]
    public async Task ABadRowIsRefusedWithItsIndex()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Recipients.AddChunkAsync(NewCampaign(), [Row("a@gmail.com"), Row("b@gmail.com") with { Domain = "" }], T0));

        Assert.Contains("Row 1", error.Message);
        Assert.Contains("domain", error.Message);
    }

    [Fact]
    public async Task SuppressedAddressesAreMarkedInOneStatementAndNotSent()
    {
        var campaign = NewCampaign();
        var other = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(10), T0);
        await Recipients.AddChunkAsync(other, Rows(10), T0);
        await Get<ISuppressionList>().AddAsync(
        [
            new("user3@gmail.com", SuppressionReason.HardBounce, "ses-feedback", T0),
            new("user7@outlook.com", SuppressionReason.Complaint, "ses-feedback", T0),
            new("nobody@gmail.com", SuppressionReason.Manual, "operator", T0),
        ]);

        var suppressed = await Recipients.ExcludeSuppressedAsync(campaign, T0);

        Assert.Equal(2, suppressed);
        var counts = await Progress.GetCountsAsync(campaign);
        Assert.Equal(2, counts[RecipientStatus.Suppressed]);
        Assert.Equal(8, counts.Queued);
        Assert.Equal(10, (await Progress.GetCountsAsync(other)).Queued);
        var sent = await SendAllAsync(campaign, await Batches.PlanBatchesAsync(campaign, 0, 5));
        Assert.DoesNotContain("user3@gmail.com", sent);
        Assert.DoesNotContain("user7@outlook.com", sent);
        Assert.Equal(8, sent.Count);
        Assert.Equal(0, await Recipients.ExcludeSuppressedAsync(campaign, T0));
    }

    [Fact]
    public async Task UnverifiedAndExplicitExclusionsOnlyTouchQueuedRecipients()
    {
        var campaign = NewCampaign();
        await Recipients.AddChunkAsync(campaign, Rows(6), T0);
        await Get<IVerifiedAddresses>().AddAsync(["user0@gmail.com", "user1@outlook.com", "user2@example.org"], T0);
        await Recipients.ExcludeAsync(campaign, ["user0@gmail.com"], RecipientStatus.Rejected, "role account", T0);

        var blocked = await Recipients.ExcludeUnverifiedAsync(campaign, "verified-only template", T0);

        Assert.Equal(3, blocked);
        var counts = await Progress.GetCountsAsync(campaign);
        Assert.Equal(1, counts[RecipientStatus.Rejected]);
        Assert.Equal(3, counts[RecipientStatus.Blocked]);
        Assert.Equal(["user1@outlook.com", "user2@example.org"], await SendAllAsync(campaign, await Batches.PlanBatchesAsync(campaign, 0, 1)));
        Assert.Equal(0, await Recipients.ExcludeRemainingAsync(campaign, "cancelled", T0));
        await Assert.ThrowsAsync<ArgumentException>(() => Recipients.ExcludeAsync(campaign, ["user1@outlook.com"], RecipientStatus.Sent, "no", T0));
    }
}
