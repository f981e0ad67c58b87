using CampaignFlows.Durable.Hosting;

namespace CampaignFlows.Durable.Tests.Unit;

public sealed class EngineOptionsValidatorTests
{
    [Fact]
    public void Validate_BadValues_NamesEachProblem()
    {
        var options = new DurableEngineOptions
        {
            HubName = "",
            MaxConcurrentActivityFunctions = 0,
            MaxPayloadBytes = 100,
            FlowLimits = { ["ses"] = new FlowLimit { PerSecond = 0 }, ["day"] = new FlowLimit { WindowLimit = 10 } },
        };

        var error = Assert.Throws<InvalidOperationException>(() => EngineOptionsValidator.Validate(options));

        Assert.Contains("HubName", error.Message);
        Assert.Contains("MaxConcurrentActivityFunctions", error.Message);
        Assert.Contains("MaxPayloadBytes", error.Message);
        Assert.Contains("FlowLimits['ses'].PerSecond", error.Message);
        Assert.Contains("FlowLimits['day'] must set WindowLimit and Window together", error.Message);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        Assert.Same(EngineOptionsValidator.Validate(new DurableEngineOptions()).GetType(), typeof(DurableEngineOptions));
    }
}
