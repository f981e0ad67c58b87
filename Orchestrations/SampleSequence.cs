using CampaignFlows.Activities;
using CampaignFlows.Durable;
using CampaignFlows.Functions;

namespace CampaignFlows.Orchestrations;

/// <summary>The smallest end-to-end orchestration: greets each city in turn through an activity. The demo runs it.</summary>
public static class SampleSequence
{
    /// <summary>Cities greeted when the input names none.</summary>
    public static readonly IReadOnlyList<string> DefaultCities = ["Tokyo", "Seattle", "London"];

    /// <summary>Calls <see cref="SayHello"/> once per city, in order, and returns the greetings.</summary>
    /// <remarks>Deterministic: the only work is done by the activity, whose results replay from history.</remarks>
    [Function(nameof(SampleSequence))]
    public static async Task<IReadOnlyList<string>> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var cities = context.GetInput<string[]>() ?? [.. DefaultCities];
        var greetings = new List<string>(cities.Length);
        foreach (var city in cities) greetings.Add(await context.CallActivityAsync<string>(nameof(SayHello), city));
        return greetings;
    }
}
