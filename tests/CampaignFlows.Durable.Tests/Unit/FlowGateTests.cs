using CampaignFlows.Durable.Flow;
using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Tests.Unit;

public sealed class FlowGateTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ActivityCandidate Candidate(long id, params RateLimit[] limits) => new(id, 0, "", 1, limits);

    private static Dictionary<string, (FlowLimit, FlowKeyState)> Keys(params (string Key, FlowLimit Limit)[] keys) =>
        keys.ToDictionary(k => k.Key, k => (k.Limit, FlowKeyState.Deserialize(null, k.Limit, T0)));

    [Fact]
    public void Admit_SustainedPolling_NoOneSecondWindowExceedsTheRateAndUtilisationStaysHigh()
    {
        var keys = Keys(("r", new FlowLimit { PerSecond = 200 }));
        var admittedAt = new List<DateTime>();
        for (var now = T0; now < T0.AddSeconds(10); now = now.AddMilliseconds(7))
        {
            var candidates = Enumerable.Range(0, 50).Select(i => Candidate(i, new RateLimit("r"))).ToList();
            admittedAt.AddRange(FlowGate.Admit(candidates, keys, now, 50).Select(_ => now));
        }

        var maxWindow = admittedAt.Select(t => admittedAt.Count(u => u >= t && u < t.AddSeconds(1))).Max();
        Assert.True(maxWindow <= 200, $"{maxWindow} in one second");
        Assert.True(admittedAt.Count >= 0.98 * 2000, $"only {admittedAt.Count} of 2000 admitted");
    }

    [Fact]
    public void Admit_KeyRefusesOnce_LaterCandidatesOnThatKeyAreRefusedToKeepOrder()
    {
        var keys = Keys(("r", new FlowLimit { PerSecond = 10, Burst = 3 }));
        var candidates = new[] { Candidate(1, new RateLimit("r", 2)), Candidate(2, new RateLimit("r", 2)), Candidate(3, new RateLimit("r", 1)), Candidate(4) };

        var admitted = FlowGate.Admit(candidates, keys, T0, 10);

        Assert.Equal([0, 3], admitted);
    }

    [Fact]
    public void Admit_UndefinedKey_DoesNotLimit()
    {
        var admitted = FlowGate.Admit([Candidate(1, new RateLimit("unknown", 1000))], Keys(), T0, 10);

        Assert.Equal([0], admitted);
    }

    [Fact]
    public void Admit_WindowQuota_RefusesOnceTheWindowIsSpentAndFreesAfterIt()
    {
        var keys = Keys(("day", new FlowLimit { WindowLimit = 5, Window = TimeSpan.FromHours(24) }));
        var five = Enumerable.Range(0, 8).Select(i => Candidate(i, new RateLimit("day"))).ToList();

        Assert.Equal(5, FlowGate.Admit(five, keys, T0, 10).Count);
        Assert.Empty(FlowGate.Admit(five, keys, T0.AddHours(23), 10));
        Assert.Equal(5, FlowGate.Admit(five, keys, T0.AddHours(25), 10).Count);
    }

    [Fact]
    public void Admit_MaxConcurrency_CountsRunningAndAdmitted()
    {
        var keys = Keys(("cap", new FlowLimit { MaxConcurrency = 3 }));
        keys["cap"].Item2.Running = 1;

        var admitted = FlowGate.Admit(Enumerable.Range(0, 5).Select(i => Candidate(i, new RateLimit("cap"))).ToList(), keys, T0, 10);

        Assert.Equal(2, admitted.Count);
    }

    [Fact]
    public void Throttle_HalvesOncePerBurst_ThenClimbsBackPacedByTheThrottledRate()
    {
        var limit = new FlowLimit { PerSecond = 100 };
        var state = FlowKeyState.Deserialize(null, limit, T0);

        FlowGate.Throttle(limit, state, T0);
        FlowGate.Throttle(limit, state, T0.AddMilliseconds(500));
        Assert.Equal(55, FlowGate.Describe("k", limit, state, T0.AddMilliseconds(500)).EffectivePerSecond!.Value, 3);
        Assert.Equal(60, FlowGate.Describe("k", limit, state, T0.AddSeconds(1)).EffectivePerSecond!.Value, 3);

        FlowGate.Throttle(limit, state, T0.AddSeconds(2));
        Assert.Equal(35, FlowGate.Describe("k", limit, state, T0.AddSeconds(2)).EffectivePerSecond!.Value, 3);
        Assert.Equal(49, FlowGate.Describe("k", limit, state, T0.AddSeconds(4)).EffectivePerSecond!.Value, 3);
        Assert.Equal(100, FlowGate.Describe("k", limit, state, T0.AddSeconds(30)).EffectivePerSecond);
    }

    [Fact]
    public void Throttle_Repeatedly_StopsAtOnePerSecond()
    {
        var limit = new FlowLimit { PerSecond = 100 };
        var state = FlowKeyState.Deserialize(null, limit, T0);

        for (var i = 0; i < 12; i++) FlowGate.Throttle(limit, state, T0.AddSeconds(1.01 * i));

        Assert.InRange(FlowGate.Describe("k", limit, state, T0.AddSeconds(1.01 * 11)).EffectivePerSecond!.Value, 1, 1.1);
    }

    [Fact]
    public void Throttle_OnAQuotaKey_GivesTheRefusedCallsCostBack()
    {
        var quota = new FlowLimit { WindowLimit = 100, Window = TimeSpan.FromHours(24) };
        var keys = Keys(("quota", quota));
        Assert.Equal(2, FlowGate.Admit([Candidate(0, new RateLimit("quota", 50)), Candidate(1, new RateLimit("quota", 50))], keys, T0, 10).Count);
        Assert.Empty(FlowGate.Admit([Candidate(2, new RateLimit("quota", 50))], keys, T0, 10));

        FlowGate.Throttle(quota, keys["quota"].Item2, T0, 50);

        Assert.Equal(50, FlowGate.Describe("quota", quota, keys["quota"].Item2, T0).SpentInWindow);
        Assert.Single(FlowGate.Admit([Candidate(2, new RateLimit("quota", 50))], keys, T0, 10));
    }
}
