using System.Diagnostics;
using CampaignFlows.Campaigns;

namespace CampaignFlows.Tests.Campaigns;

public sealed class SesCallPacerTests
{
    private readonly SesCallPacer _pacer = new();

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
        var answered = Stopwatch.GetTimestamp();

        var next = _pacer.StartAsync("a", 40, 50, CancellationToken.None);
        Assert.False(next.IsCompleted);
        using (await next) { }

        Assert.True(Stopwatch.GetElapsedTime(answered) >= TimeSpan.FromSeconds(1), $"started after {Stopwatch.GetElapsedTime(answered)}");
    }

    [Fact]
    public async Task ACallInFlightHoldsItsPlaceUntilAnswered()
    {
        var first = await _pacer.StartAsync("a", 30, 50, CancellationToken.None);
        var second = _pacer.StartAsync("a", 30, 50, CancellationToken.None).AsTask();

        await Task.Delay(300);
        Assert.False(second.IsCompleted, "the first call is still in flight, so it still counts");

        var answered = Stopwatch.GetTimestamp();
        first.Dispose();
        (await second).Dispose();
        Assert.True(Stopwatch.GetElapsedTime(answered) >= TimeSpan.FromSeconds(1), $"started after {Stopwatch.GetElapsedTime(answered)}");
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
        Assert.True(big.IsCompleted);
        var call = await big;
        var small = _pacer.StartAsync("a", 1, 10, CancellationToken.None);
        Assert.False(small.IsCompleted);
        call.Dispose();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => (await _pacer.StartAsync("a", 1, 10, cancel.Token)).Dispose());
    }

    [Fact]
    public async Task WithoutAKnownRateNothingWaitsAndTheLastRateGivenIsKept()
    {
        for (var i = 0; i < 5; i++)
        {
            var start = _pacer.StartAsync("tx", 50, null, CancellationToken.None);
            Assert.True(start.IsCompleted);
            (await start).Dispose();
        }

        (await _pacer.StartAsync("a", 5, 5, CancellationToken.None)).Dispose();
        var next = _pacer.StartAsync("a", 1, null, CancellationToken.None);
        Assert.False(next.IsCompleted, "the rate given before (5/s) still holds");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => (await _pacer.StartAsync("a", 1, null, cancel.Token)).Dispose());
    }

    [Fact]
    public async Task WaitingIsCancelled()
    {
        using var held = await _pacer.StartAsync("a", 50, 50, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => (await _pacer.StartAsync("a", 1, 50, cancel.Token)).Dispose());
    }
}
