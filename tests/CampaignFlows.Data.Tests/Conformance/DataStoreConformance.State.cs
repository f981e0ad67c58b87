using CampaignFlows.Data.State;

namespace CampaignFlows.Data.Tests.Conformance;

public abstract partial class DataStoreConformance
{
    [Fact]
    public async Task TheTemplateKillSwitchFlipsAtRunTime()
    {
        var blocklist = Get<ITemplateBlocklist>();

        await blocklist.BlockAsync("spring-sale", "wrong price", T0);
        var blocked = await blocklist.FindAsync("spring-sale");
        var unblocked = await blocklist.UnblockAsync("spring-sale");

        Assert.Equal(new BlockedTemplate("spring-sale", "wrong price", T0), blocked);
        Assert.True(unblocked);
        Assert.Null(await blocklist.FindAsync("spring-sale"));
        Assert.Empty(await blocklist.ListAsync());
    }

    [Fact]
    public async Task VerifiedAddressesAreCheckedAsASet()
    {
        var verified = Get<IVerifiedAddresses>();
        await verified.AddAsync(["a@x.com", "b@x.com", "a@x.com"], T0);
        await verified.RemoveAsync("b@x.com");

        Assert.Equal(["a@x.com"], await verified.FindVerifiedAsync(["a@x.com", "b@x.com", "c@x.com"]));
    }

    [Fact]
    public async Task AccountCircuitsAreReplacedAndListed()
    {
        var circuits = Get<IAccountCircuits>();
        await circuits.SetAsync(new("primary", "open", "error rate 12%", T0.AddMinutes(5), T0));
        await circuits.SetAsync(new("primary", "closed", null, null, T0.AddMinutes(6)));
        await circuits.SetAsync(new("backup", "quota-exhausted", "Max24HourSend reached", T0.AddDays(1), T0));

        Assert.Equal(new AccountCircuit("primary", "closed", null, null, T0.AddMinutes(6)), await circuits.GetAsync("primary"));
        Assert.Equal(["backup", "primary"], (await circuits.ListAsync()).Select(c => c.Account));
        Assert.Null(await circuits.GetAsync("unknown"));
    }

    [Fact]
    public async Task DeadLettersAreLoggedPerCampaignAndForTransactionalMail()
    {
        var log = Get<IDeadLetterLog>();
        await log.AddAsync([new("c1", "a@x.com", "all accounts paused", "q-1", T0), new("c1", "b@x.com", "all accounts paused", null, T0), new(null, "c@x.com", "quota exhausted", null, T0)]);

        Assert.Equal(["a@x.com", "b@x.com"], (await log.ListAsync("c1", 10)).Select(e => e.Address));
        Assert.Equal(new DeadLetterEntry(null, "c@x.com", "quota exhausted", null, T0), (await log.ListAsync(null, 10)).Single());
        Assert.Equal(2, await log.CountAsync("c1"));
        Assert.Equal(1, await log.CountAsync(null));
    }

    [Fact]
    public async Task ADoubleSubmittedCampaignKeepsItsFirstDefinition()
    {
        var definitions = Get<ICampaignDefinitions>();

        var first = await definitions.SaveAsync(new("c1", """{"template":"a"}""", T0));
        var second = await definitions.SaveAsync(new("c1", """{"template":"b"}""", T0.AddSeconds(1)));
        await definitions.SaveAsync(new("c2", """{"template":"c"}""", T0.AddMinutes(1)));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(new CampaignDefinition("c1", """{"template":"a"}""", T0), second.Definition);
        Assert.Equal(["c2", "c1"], (await definitions.ListAsync(10)).Select(d => d.CampaignId));
        Assert.Null(await definitions.GetAsync("c3"));
        await Assert.ThrowsAsync<ArgumentException>(() => definitions.SaveAsync(new("c4", "{not json", T0)));
    }

    [Fact]
    public async Task WarmupDaysAreLoggedOncePerDay()
    {
        var log = Get<IWarmupDayLog>();
        await log.RecordAsync(new("ip-1", 2, 1000, 990, 250, 740, 0.01, 0.0002, "advance", null, T0, PlanDay: 2));
        await log.RecordAsync(new("ip-1", 1, 500, 500, 0, 500, 0.004, 0, "advance", null, T0, PlanDay: 1));
        await log.RecordAsync(new("ip-1", 2, 1000, 1000, 250, 750, 0.03, 0.0002, "hold", "bounce 3% ≥ 2%", T0.AddHours(1), PlanDay: 1));

        var days = await log.ListAsync("ip-1");

        Assert.Equal([1, 2], days.Select(d => d.Day));
        Assert.Equal(new WarmupDay("ip-1", 2, 1000, 1000, 250, 750, 0.03, 0.0002, "hold", "bounce 3% ≥ 2%", T0.AddHours(1), PlanDay: 1), days[1]);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.RecordAsync(days[0] with { Day = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.RecordAsync(days[0] with { PlanDay = null }));
    }
}
