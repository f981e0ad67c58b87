using CampaignFlows.Campaigns;
using CampaignFlows.Durable.Testing;

namespace CampaignFlows.Tests.Campaigns;

public sealed class SesCallPacerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private readonly ManualTimeProvider _clock = new();
    private readonly SesCallPacer _pacer;

    public SesCallPacerTests() => _pacer = new SesCallPacer(_clock);

    [Fact]
    public async Task CallsWithinTheRateStartAtOnce()
    {
        var calls = new List<SesCallPacer.Call>();
        for (var i = 0; i < 10; i++)
        {
            var start = _pacer.StartAsync("a", 50, 500, CancellationToken.None);
            Assert.True(start.IsCompleted, $"call {i} should not wait");
            calls.Add(await start);
        }
        foreach (var call in calls) call.Dispose();
    }

    [Fact]
    public async Task ACallBeyondTheRateWaitsUntilAnAnsweredCallIsASecondOld()
    {
        using (await _pacer.StartAsync("a", 40, 50, CancellationToken.None)) { }
        var answeredAt = _clock.GetUtcNow();

        var next = _pacer.StartAsync("a", 40, 50, CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);
        (await AdvanceUntilStartedAsync(next)).Dispose();

        var waited = _clock.GetUtcNow() - answeredAt;
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task ACallInFlightHoldsItsPlaceUntilAnswered()
    {
        var first = await _pacer.StartAsync("a", 30, 50, CancellationToken.None);
        var second = _pacer.StartAsync("a", 30, 50, CancellationToken.None).AsTask();

        for (var i = 0; i < 50; i++) await StepAsync();
        Assert.False(second.IsCompleted, "the first call is still in flight after 5 s, so it still counts");

        var answeredAt = _clock.GetUtcNow();
        first.Dispose();
        (await AdvanceUntilStartedAsync(second)).Dispose();
        Assert.True(_clock.GetUtcNow() - answeredAt >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AccountsArePacedApart()
    {
        using var a = await _pacer.StartAsync("a", 50, 50, CancellationToken.None);
        var b = _pacer.StartAsync("b", 50, 50, CancellationToken.None);
        Assert.True(b.IsCompleted);
        (await b).Dispose();
    }

    [Fact]
    public async Task ACallLargerThanTheRateGoesAloneIntoAnEmptyWindow()
    {
        var big = _pacer.StartAsync("a", 50, 10, CancellationToken.None);
        Assert.True(big.IsCompleted, "an empty window takes any call");
        var call = await big;
        var small = _pacer.StartAsync("a", 1, 10, CancellationToken.None).AsTask();
        Assert.False(small.IsCompleted);

        var answeredAt = _clock.GetUtcNow();
        call.Dispose();
        (await AdvanceUntilStartedAsync(small)).Dispose();
        Assert.True(_clock.GetUtcNow() - answeredAt >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task WithoutAKnownRateNothingWaitsAndTheLastRateGivenIsKept()
    {
        for (var i = 0; i < 5; i++)
        {
            var start = _pacer.StartAsync("tx", 50, null, CancellationToken.None);
            Assert.True(start.IsCompleted, "no rate is known for the account");
            (await start).Dispose();
        }

        (await _pacer.StartAsync("a", 5, 5, CancellationToken.None)).Dispose();
        var next = _pacer.StartAsync("a", 1, null, CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted, "the rate given before (5/s) still holds");
        (await AdvanceUntilStartedAsync(next)).Dispose();
    }

    [Fact]
    public async Task WaitingIsCancelled()
    {
        using var held = await _pacer.StartAsync("a", 50, 50, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _pacer.StartAsync("a", 1, 50, cancel.Token).AsTask();
        Assert.False(waiting.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>Moves the clock on in small steps, letting the pacer's waits run, until the call starts (at most a minute of clock time).</summary>
    private async Task<SesCallPacer.Call> AdvanceUntilStartedAsync(Task<SesCallPacer.Call> start)
    {
        for (var i = 0; i < 6000 && !start.IsCompleted; i++) await StepAsync();
        return await start.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task StepAsync()
    {
        _clock.Advance(Step);
        await Task.Delay(1);
    }
}
