using CampaignFlows.Functions.Discovery;
using Microsoft.Extensions.Configuration;

namespace CampaignFlows.Functions.Tests.Discovery;

public sealed class FunctionDiscoveryTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    private static string Fails(params Type[] types)
    {
        var error = Assert.Throws<FunctionStartupException>(() => FunctionDiscovery.Discover(types, Settings(), "api"));
        return error.Message;
    }

    [Fact]
    public void Discover_DuplicateNames_NamesTheFunctionAndBothMethods()
    {
        var message = Fails(typeof(DuplicateA), typeof(DuplicateB));
        Assert.Contains("Function 'twice'", message);
        Assert.Contains("DuplicateA.Run", message);
        Assert.Contains("DuplicateB.Run", message);
    }

    [Fact]
    public void Discover_SameRouteAndMethod_NamesBothFunctions()
    {
        var message = Fails(typeof(SameRoute));
        Assert.Contains("'ShowOrder'", message);
        Assert.Contains("'ListOrders'", message);
        Assert.Contains("GET", message);
    }

    [Fact]
    public void Discover_SameRouteDifferentMethods_Succeeds()
    {
        var functions = FunctionDiscovery.Discover([typeof(DifferentMethods)], Settings(), "api");
        Assert.All(functions, f => Assert.Equal("api/things", f.Http!.Route));
    }

    [Fact]
    public void Discover_InvalidCron_NamesFunctionAndExpression()
    {
        var message = Fails(typeof(BadCron));
        Assert.Contains("Function 'EveryFiveMinutes'", message);
        Assert.Contains("'0 */5 * * *'", message);
        Assert.Contains("6-field NCRONTAB", message);
    }

    [Fact]
    public void Discover_MissingSetting_NamesFunctionAndSetting()
    {
        var message = Fails(typeof(SettingCron));
        Assert.Contains("Function 'Configured'", message);
        Assert.Contains("'ReportSchedule'", message);
    }

    [Fact]
    public void Discover_ConfiguredSetting_ResolvesSchedule()
    {
        var function = Assert.Single(FunctionDiscovery.Discover([typeof(SettingCron)], Settings(("ReportSchedule", "0 0 * * * *")), "api"));
        Assert.Equal("0 0 * * * *", function.Timer!.Expression);
    }

    [Fact]
    public void Discover_ActivityWithTwoTriggerInputs_SaysItTakesOneInput()
    {
        var message = Fails(typeof(TwoInputs));
        Assert.Contains("Function 'AddNumbers'", message);
        Assert.Contains("one input", message);
    }

    [Fact]
    public void Discover_ActivityWithExtraParameter_NamesTheParameter()
    {
        var message = Fails(typeof(ExtraActivityParameter));
        Assert.Contains("Function 'Shout'", message);
        Assert.Contains("parameter 'volume'", message);
    }

    [Fact]
    public void Discover_HttpParameterNotInRoute_NamesTheParameter()
    {
        var message = Fails(typeof(UnknownHttpParameter));
        Assert.Contains("Function 'Lookup'", message);
        Assert.Contains("parameter 'name'", message);
    }

    [Fact]
    public void Discover_OrchestratorWithExtraParameter_Fails()
    {
        Assert.Contains("parameter 'input'", Fails(typeof(OrchestratorWithInput)));
    }

    [Fact]
    public void Discover_NoTrigger_Fails()
    {
        Assert.Contains("Function 'Lonely'", Fails(typeof(NoTrigger)));
    }

    [Fact]
    public void Discover_SeveralProblems_ReportsEveryOne()
    {
        var error = Assert.Throws<FunctionStartupException>(() => FunctionDiscovery.Discover([typeof(BadCron), typeof(NoTrigger)], Settings(), "api"));
        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void Discover_WellFormedDurableFunctions_FindsOrchestratorAndActivity()
    {
        var functions = FunctionDiscovery.Discover([typeof(WellFormed)], Settings(), "api");
        Assert.Equal([FunctionKind.Activity, FunctionKind.Orchestration], functions.OrderBy(f => f.Name).Select(f => f.Kind));
    }
}
