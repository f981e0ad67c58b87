using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>Greets one city; the activity of <see cref="Orchestrations.SampleSequence"/>.</summary>
public static class SayHello
{
    /// <summary>Returns <c>Hello {city}!</c>.</summary>
    /// <exception cref="ArgumentException">The city is empty.</exception>
    [Function(nameof(SayHello))]
    public static string Run([ActivityTrigger] string city)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(city);
        return $"Hello {city}!";
    }
}
