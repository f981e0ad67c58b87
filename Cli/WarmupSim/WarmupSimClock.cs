using CampaignFlows.Warmups;

namespace CampaignFlows.Cli.WarmupSim;

/// <summary>What the clock driver sees of a warm-up on each look: the engine's status and the warm-up's own.</summary>
/// <param name="RuntimeStatus">Running, Completed, Failed, ... as the engine reports it.</param>
/// <param name="Status">The warm-up's custom status; null before its first checkpoint.</param>
public sealed record WarmupSnapshot(string RuntimeStatus, WarmupStatus? Status)
{
    /// <summary>True once the engine has finished the instance (completed, failed or terminated).</summary>
    public bool IsFinished => RuntimeStatus is "Completed" or "Failed" or "Terminated";
}

/// <summary>
/// Drives a fake clock through a warm-up: the days pass in seconds, but every step still comes from the real daily-step
/// timer trigger and every mail goes through the real engine, data store and sandbox.
/// </summary>
/// <remarks>
/// <para>The clock only moves by what the warm-up is doing, read from its custom status: while it sends, a second at a time
/// (so rate and quota windows refill as they would); while its events settle, an hour at a time once the SES
/// event feed, which runs on real time, has been read (<see cref="Settled"/>); while it waits for the next
/// day, a jump to 30 s before the daily-step time, then onto it once the timer trigger has armed for it.</para>
/// <para>The jump lands before the step time, not on it: the timer trigger re-reads the clock when its wait ends and
/// would otherwise schedule the following day's occurrence; the clock then waits (real time, up to 5 s) until a timer
/// is due exactly at the step time. The jump is made once per stepped day (by the round it waits after). Should the
/// trigger still miss the day, the clock goes on to the orchestration's 26 h fallback deadline, which steps it.</para>
/// </remarks>
/// <param name="clock">The fake clock the host and the sandbox were given.</param>
/// <param name="stepAt">The time of day the daily-step trigger runs (its schedule; 09:00 UTC by default).</param>
public sealed class WarmupSimClock(WarmupSimTime clock, TimeOnly stepAt)
{
    private static readonly TimeSpan SendingStep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SettlingStep = TimeSpan.FromHours(1);
    private static readonly TimeSpan MissedAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CreepStep = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ArmingWait = TimeSpan.FromSeconds(5);
    private int _jumpedAfterRound = -1;
    private DateTimeOffset _stepDue;
    private DateTime _jumpedAt;

    /// <summary>The clock's time.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A start time just after the daily step, so day 1 runs on its own date and the next step is a new date.</summary>
    public static DateTimeOffset StartAfterStep(DateOnly date, TimeOnly stepAt) => new(date.ToDateTime(stepAt).AddSeconds(30), TimeSpan.Zero);

    /// <summary>Called with the round about to be stepped, just before the clock jumps to its step; null for none.</summary>
    public Action<int>? BeforeRound { get; init; }

    /// <summary>
    /// While a day settles, whether the SES events it caused have all been read (see <see cref="WarmupSimFeed"/>); the
    /// clock holds until they have. Null to settle on the clock alone.
    /// </summary>
    public Func<CancellationToken, Task<bool>>? Settled { get; init; }

    /// <summary>Called with every snapshot after the clock moved for it; null for none.</summary>
    public Func<WarmupSnapshot, Task>? Observed { get; init; }

    /// <summary>
    /// Reads the warm-up and moves the clock until <paramref name="stop"/> holds, returning the snapshot that stopped it.
    /// </summary>
    /// <param name="read">Reads the warm-up's current snapshot.</param>
    /// <param name="stop">When to hand back (finished, paused, far enough).</param>
    /// <param name="timeout">Real time allowed; generous, for a loaded machine.</param>
    /// <param name="cancellation">Stops the drive.</param>
    /// <exception cref="TimeoutException">The warm-up did not get there within <paramref name="timeout"/>.</exception>
    public async Task<WarmupSnapshot> RunUntilAsync(Func<CancellationToken, Task<WarmupSnapshot>> read, Func<WarmupSnapshot, bool> stop, TimeSpan timeout,
        CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var snapshot = await read(cancellation).ConfigureAwait(false);
            if (stop(snapshot) || snapshot.IsFinished) return snapshot;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The warm-up did not get there within {timeout}; it is {snapshot.RuntimeStatus}, phase {snapshot.Status?.Phase ?? "-"}, " +
                    $"round {snapshot.Status?.Round}, plan day {snapshot.Status?.PlanDay}, clock {Now:u}.");
            var holding = snapshot.Status?.Phase == "settling" && Settled is not null && !await Settled(cancellation).ConfigureAwait(false);
            var pause = holding ? TimeSpan.FromMilliseconds(50) : Move(snapshot.Status);
            if (Observed is not null) await Observed(snapshot).ConfigureAwait(false);
            await Task.Delay(pause, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the clock for what the warm-up is doing; returns how long to wait (real time) before looking again.</summary>
    private TimeSpan Move(WarmupStatus? status)
    {
        switch (status?.Phase)
        {
            case "waiting" when status.Round != _jumpedAfterRound:
                _jumpedAfterRound = status.Round;
                BeforeRound?.Invoke(status.Round + 1);
                _stepDue = NextStep(Now);
                _jumpedAt = DateTime.UtcNow;
                clock.SetUtcNow(_stepDue - CreepStep);
                return TimeSpan.FromMilliseconds(20);
            case "waiting" when Now < _stepDue:
                if (clock.HasTimerDueAt(_stepDue) || DateTime.UtcNow - _jumpedAt > ArmingWait) clock.SetUtcNow(_stepDue);
                return TimeSpan.FromMilliseconds(20);
            case "waiting" when status.NextStepBy is { } fallback && Now > _stepDue + MissedAfter && fallback > Now.UtcDateTime:
                clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(fallback, DateTimeKind.Utc)));
                return TimeSpan.FromMilliseconds(20);
            case "waiting" or "scheduled":
                clock.Advance(CreepStep);
                return TimeSpan.FromMilliseconds(20);
            case "settling":
                clock.Advance(SettlingStep);
                return TimeSpan.FromMilliseconds(50);
            case "paused":
                return TimeSpan.FromMilliseconds(20);
            default:
                clock.Advance(SendingStep);
                return TimeSpan.FromMilliseconds(10);
        }
    }

    private DateTimeOffset NextStep(DateTimeOffset now)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(stepAt), TimeSpan.Zero);
        return today > now + CreepStep ? today : today.AddDays(1);
    }
}
