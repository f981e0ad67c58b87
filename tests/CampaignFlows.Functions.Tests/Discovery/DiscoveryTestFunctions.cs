using CampaignFlows.Durable;
using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Functions.Tests.Discovery;

public static class DuplicateA
{
    [Function("Twice")]
    public static string Run([ActivityTrigger] string input) => input;
}

public static class DuplicateB
{
    [Function("twice")]
    public static string Run([ActivityTrigger] string input) => input;
}

public static class SameRoute
{
    [Function("ListOrders")]
    public static string List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{id}")] HttpRequest req, string id) => id;

    [Function("ShowOrder")]
    public static string Show([HttpTrigger(AuthorizationLevel.Function, "GET", "post", Route = "orders/{orderId}")] HttpRequest req, string orderId) => orderId;
}

public static class DifferentMethods
{
    [Function("ReadThing")]
    public static string Read([HttpTrigger(AuthorizationLevel.Function, "get", Route = "things")] HttpRequest req) => "r";

    [Function("WriteThing")]
    public static string Write([HttpTrigger(AuthorizationLevel.Function, "post", Route = "things")] HttpRequest req) => "w";
}

public static class BadCron
{
    [Function("EveryFiveMinutes")]
    public static void Run([TimerTrigger("0 */5 * * *")] TimerInfo timer)
    {
    }
}

public static class SettingCron
{
    [Function("Configured")]
    public static void Run([TimerTrigger("%ReportSchedule%")] TimerInfo timer)
    {
    }
}

public static class TwoInputs
{
    [Function("AddNumbers")]
    public static int Run([ActivityTrigger] int a, [ActivityTrigger] int b) => a + b;
}

public static class ExtraActivityParameter
{
    [Function("Shout")]
    public static string Run([ActivityTrigger] string text, int volume) => text + volume;
}

public static class UnknownHttpParameter
{
    [Function("Lookup")]
    public static string Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lookup/{key}")] HttpRequest req, string name) => name;
}

public static class OrchestratorWithInput
{
    [Function("Bad")]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context, string input) => Task.FromResult(input);
}

public static class NoTrigger
{
    [Function("Lonely")]
    public static string Run(string input) => input;
}

public static class WellFormed
{
    [Function(nameof(Hello))]
    public static Task<string> Hello([OrchestrationTrigger] TaskOrchestrationContext context) => context.CallActivityAsync<string>(nameof(Greet), "x");

    [Function(nameof(Greet))]
    public static string Greet([ActivityTrigger] string name, TaskActivityContext context, CancellationToken cancellation) => $"Hi {name}";
}
