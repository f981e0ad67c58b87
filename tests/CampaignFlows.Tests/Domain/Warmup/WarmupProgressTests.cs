using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Warmup;

public sealed class WarmupProgressTests
{
    private static readonly WarmupDayFigures Healthy = new(10_000, 10, 0);
    private static readonly WarmupDayFigures Bouncy = new(10_000, 500, 0);

    private static WarmupProgress Run(WarmupProgress progress, WarmupDayFigures figures) =>
        progress.After(WarmupGate.Judge(figures, progress.ConsecutiveFailedDays));

    [Fact]
    public void After_28HealthyDays_Completes()
    {
        var progress = WarmupProgress.Start;
        var days = 0;
        while (!progress.IsComplete)
        {
            progress = Run(progress, Healthy);
            days++;
        }

        Assert.Equal(28, days);
        Assert.Equal(28, progress.Day);
    }

    [Fact]
    public void After_BounceSpikeOnDay9_HoldsThenRecovers()
    {
        var progress = WarmupProgress.Start;
        var sentDays = new List<int>();
        for (var calendarDay = 1; !progress.IsComplete; calendarDay++)
        {
            sentDays.Add(progress.Day);
            progress = Run(progress, calendarDay == 9 ? Bouncy : Healthy);
        }

        Assert.Equal(29, sentDays.Count);
        Assert.Equal([8, 9, 9, 10], sentDays.Skip(7).Take(4));
    }

    [Fact]
    public void After_ThreeBadDays_PausesUntilOperatorActs()
    {
        var progress = Run(Run(Run(WarmupProgress.Start with { Day = 5 }, Bouncy), Bouncy), Bouncy);

        Assert.True(progress.IsPaused);
        Assert.Equal(5, progress.Day);
        Assert.Throws<InvalidOperationException>(() => Run(progress, Healthy));

        var held = progress.OperatorHold();
        Assert.Equal((5, 0, false), (held.Day, held.ConsecutiveFailedDays, held.IsPaused));
        var advanced = progress.OperatorAdvance();
        Assert.Equal((6, 0, false), (advanced.Day, advanced.ConsecutiveFailedDays, advanced.IsPaused));
    }

    [Fact]
    public void OperatorAdvance_OnLastDay_Completes()
    {
        Assert.True((WarmupProgress.Start with { Day = 28, IsPaused = true }).OperatorAdvance().IsComplete);
    }

    [Fact]
    public void After_Complete_Throws()
    {
        var done = WarmupProgress.Start with { Day = 28, IsComplete = true };

        Assert.Throws<InvalidOperationException>(() => Run(done, Healthy));
        Assert.Equal(done, done.OperatorAdvance());
        Assert.Equal(done, done.OperatorHold());
    }
}
