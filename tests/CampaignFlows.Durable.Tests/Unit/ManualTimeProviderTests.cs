using CampaignFlows.Durable.Testing;

namespace CampaignFlows.Durable.Tests.Unit;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public async Task Advance_PastADelay_CompletesItAtOnce()
    {
        var clock = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromDays(28), clock);

        clock.Advance(TimeSpan.FromDays(27));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromDays(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var clock = new ManualTimeProvider();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(clock.GetUtcNow().AddSeconds(-1)));

        Assert.Contains("cannot go back", error.Message);
    }

    [Fact]
    public void CreateTimer_Periodic_FiresOncePerPeriodPassed()
    {
        var clock = new ManualTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        clock.Advance(TimeSpan.FromMinutes(3.5));

        Assert.Equal(3, fired);
    }
}
