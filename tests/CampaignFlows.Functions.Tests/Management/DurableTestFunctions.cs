using CampaignFlows.Durable;
using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Functions.Tests.Management;

public static class HelloSequence
{
    [Function(nameof(HelloSequence))]
    public static async Task<List<string>> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var cities = context.GetInput<string[]>() ?? ["Tokyo", "Seattle", "London"];
        var greetings = new List<string>();
        foreach (var city in cities) greetings.Add(await context.CallActivityAsync<string>(nameof(SayHello), city));
        return greetings;
    }

    [Function(nameof(SayHello))]
    public static string SayHello([ActivityTrigger] string city) => $"Hello {city}!";

    [Function("HelloSequence_HttpStart")]
    public static async Task<IResult> Start([HttpTrigger(AuthorizationLevel.Function, "post", Route = "hello")] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var cities = await req.ReadJsonAsync<string[]>(cancellation);
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloSequence), cities, cancellation: cancellation);
        return client.CreateCheckStatusResponse(req, id);
    }
}

public sealed record Approval(string By, bool Approved);

public static class ApprovalFlow
{
    [Function(nameof(ApprovalFlow))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        context.SetCustomStatus(new { stage = "waiting" });
        var approval = await context.WaitForExternalEvent<Approval>("Approval");
        return approval.Approved ? $"approved by {approval.By}" : $"rejected by {approval.By}";
    }
}
