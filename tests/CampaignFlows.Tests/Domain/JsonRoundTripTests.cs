using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain;

/// <summary>Domain records travel as orchestration inputs, outputs and custom status, so they must survive JSON.</summary>
public sealed class JsonRoundTripTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!;

    [Fact]
    public void RoundTrip_WarmupPlan_KeepsDays()
    {
        var plan = WarmupPlan.ForTarget(1_000_000);

        var copy = RoundTrip(plan);

        Assert.Equal(plan.TargetDailyVolume, copy.TargetDailyVolume);
        Assert.Equal(plan.Days, copy.Days);
    }

    [Fact]
    public void RoundTrip_Decisions_AreEqual()
    {
        var gate = WarmupGate.Judge(new WarmupDayFigures(1_000, 30, 0), 1);
        var health = HealthGate.Evaluate(new HealthInputs(new SendCounts(1_000, 1_000, 0, 60, 0), []));

        Assert.Equal(gate, RoundTrip(gate));
        var copy = RoundTrip(health);
        Assert.Equal((health.Action, health.Reason, health.BounceRate), (copy.Action, copy.Reason, copy.BounceRate));
        Assert.Equal(health.Tripped, copy.Tripped);
    }

    [Fact]
    public void RoundTrip_EmailAddress_IsItsNormalisedString()
    {
        var address = EmailAddress.Parse("Alice@Example.com");

        Assert.Equal("\"alice@example.com\"", JsonSerializer.Serialize(address, Options));
        Assert.Equal(address, RoundTrip(address));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EmailAddress>("\"a@b.com\\r\\nBcc: x@y.com\"", Options));
    }

    [Fact]
    public void RoundTrip_BreakerAndCounter_KeepState()
    {
        var breaker = CircuitBreaker.Closed.Open(BreakerTrip.Paused, "paused", Now).StartProbe(Now.AddHours(1));
        var counter = new SlidingWindowCounter(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)).Record(Now, new SendCounts(5, 4, 1, 1, 0));

        Assert.Equal(breaker, RoundTrip(breaker));
        var copy = RoundTrip(counter);
        Assert.Equal(counter.Window(Now.AddMinutes(1), TimeSpan.FromMinutes(5)), copy.Window(Now.AddMinutes(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void RoundTrip_RulesAndTally_KeepContents()
    {
        var rules = TemplateRules.None.RequireVerified("reset") with { Blocklist = TemplateBlocklist.Empty.Block("promo") };
        var tally = BadRowPolicy.Refuse.NewTally().Add(new AudienceRow(3, null, "address has no @."));

        var rulesCopy = RoundTrip(rules);
        Assert.False(rulesCopy.Check("promo", true).Allowed);
        Assert.False(rulesCopy.Check("reset", false).Allowed);
        Assert.Equal(BadRowPolicy.Refuse.Judge(tally).Errors, BadRowPolicy.Refuse.Judge(RoundTrip(tally)).Errors);
    }

    [Fact]
    public void RoundTrip_CapacityPlan_KeepsSchedule()
    {
        var plan = CapacityPlanner.Plan(new CapacityRequest(1_000_000, 3, 5, DedicatedIps: 1, SaleAt: Now.AddDays(40)), Now);

        var copy = RoundTrip(plan);

        Assert.Equal(plan.Schedule, copy.Schedule);
        Assert.Equal(plan.Cost, copy.Cost);
    }
}
