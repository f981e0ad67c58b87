using CampaignFlows.Durable.Testing;
using CampaignFlows.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Tests.Timers;

/// <summary>Starts hosts that share a content root (so one SQLite store) and one manual clock, and drives that clock.</summary>
public static class TimerHosts
{
    public static Task<TestHost> StartAsync(Type functions, string root, ManualTimeProvider clock, string tag, IDictionary<string, string?>? settings = null) =>
        TestHost.StartAsync([functions], settings, root, b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddSingleton(new HostTag(tag));
        });

    /// <summary>
    /// Moves the clock a minute at a time until the condition holds: a schedule's timer may be registered just after a step,
    /// so single jumps could be missed. Generous real-time deadline for a loaded machine.
    /// </summary>
    public static async Task AdvanceUntilAsync(ManualTimeProvider clock, Func<bool> condition, DateTimeOffset notBeyond)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The timer did not run in time.");
            Assert.True(clock.GetUtcNow() < notBeyond, $"The clock reached {notBeyond:O} before the timer ran.");
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
        }
    }
}
