using CampaignFlows.Data.Suppressions;

namespace CampaignFlows.Data.Tests.Conformance;

public abstract partial class DataStoreConformance
{
    [Fact]
    public async Task SuppressionListAddsChecksPagesCountsAndRemoves()
    {
        var list = Get<ISuppressionList>();
        var added = await list.AddAsync(Enumerable.Range(0, 25).Select(i => new SuppressionEntry($"s{i:D2}@gmail.com", SuppressionReason.HardBounce, "ses-feedback", T0)).ToList());
        var refreshed = await list.AddAsync([new("s03@gmail.com", SuppressionReason.Complaint, "campaign-7", T0.AddHours(1))]);

        var found = await list.FindAsync(["s03@gmail.com", "s10@gmail.com", "clean@gmail.com"]);
        var page1 = await list.ListAsync(null, 10);
        var page3 = await list.ListAsync((await list.ListAsync(page1.NextAfter, 10)).NextAfter, 10);
        var removed = await list.RemoveAsync("s03@gmail.com");
        var removedAgain = await list.RemoveAsync("s03@gmail.com");

        Assert.Equal(25, added);
        Assert.Equal(0, refreshed);
        Assert.Equal(new SuppressionEntry("s03@gmail.com", SuppressionReason.Complaint, "campaign-7", T0.AddHours(1)), found.Single(e => e.Address == "s03@gmail.com"));
        Assert.Equal(2, found.Count);
        Assert.Equal("s00@gmail.com", page1.Entries[0].Address);
        Assert.Equal("s09@gmail.com", page1.NextAfter);
        Assert.Equal(5, page3.Entries.Count);
        Assert.Null(page3.NextAfter);
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Equal(24, await list.CountAsync());
    }

    [Fact]
    public async Task ABigSuppressionCheckIsAnsweredWhole()
    {
        var list = Get<ISuppressionList>();
        await list.AddAsync(Enumerable.Range(0, 1200).Where(i => i % 3 == 0).Select(i => new SuppressionEntry($"u{i}@x.com", SuppressionReason.Manual, "import", T0)).ToList());

        var found = await list.FindAsync(Enumerable.Range(0, 1200).Select(i => $"u{i}@x.com").ToList());

        Assert.Equal(400, found.Count);
    }
}
