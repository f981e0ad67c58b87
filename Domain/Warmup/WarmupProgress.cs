namespace CampaignFlows.Domain;

/// <summary>Where a warm-up stands: the plan day to send next, failed days in a row, paused or complete.</summary>
/// <remarks>
/// Immutable, small and deterministic, so a warm-up orchestration can carry it across ContinueAsNew. A gate
/// decision moves it: Advance goes to the next plan day (after day 28 the warm-up is complete), Hold repeats
/// the day, Pause repeats the day and waits for an operator. The operator's "advance" and "hold" lift a pause
/// and clear the failed-day count; "hold" gives the same day another round of failed days before pausing again.
/// </remarks>
/// <param name="Day">The plan day to send next, 1 to 28.</param>
/// <param name="ConsecutiveFailedDays">Failed days in a row so far.</param>
/// <param name="IsPaused">True while waiting for an operator.</param>
/// <param name="IsComplete">True once day 28 has passed its gate.</param>
public sealed record WarmupProgress(int Day = 1, int ConsecutiveFailedDays = 0, bool IsPaused = false, bool IsComplete = false)
{
    /// <summary>A warm-up that has not sent yet.</summary>
    public static WarmupProgress Start { get; } = new();

    /// <summary>Applies a day's gate decision.</summary>
    /// <param name="decision">The decision on the day just sent (plan day <see cref="Day"/>).</param>
    /// <exception cref="InvalidOperationException">The warm-up is paused or complete, so no day was due.</exception>
    public WarmupProgress After(WarmupGateDecision decision)
    {
        EnsureRunning();
        return decision.Outcome switch
        {
            WarmupGateOutcome.Advance when Day >= StandardWarmupRamp.PlanDays => this with { ConsecutiveFailedDays = 0, IsComplete = true },
            WarmupGateOutcome.Advance => this with { Day = Day + 1, ConsecutiveFailedDays = 0 },
            WarmupGateOutcome.Hold => this with { ConsecutiveFailedDays = decision.ConsecutiveFailedDays },
            _ => this with { ConsecutiveFailedDays = decision.ConsecutiveFailedDays, IsPaused = true },
        };
    }

    /// <summary>The operator's "advance": lift a pause and move to the next plan day.</summary>
    public WarmupProgress OperatorAdvance() => IsComplete
        ? this
        : Day >= StandardWarmupRamp.PlanDays
            ? this with { ConsecutiveFailedDays = 0, IsPaused = false, IsComplete = true }
            : this with { Day = Day + 1, ConsecutiveFailedDays = 0, IsPaused = false };

    /// <summary>The operator's "hold": lift a pause and repeat the current plan day.</summary>
    public WarmupProgress OperatorHold() => IsComplete ? this : this with { ConsecutiveFailedDays = 0, IsPaused = false };

    private void EnsureRunning()
    {
        if (IsPaused || IsComplete)
        {
            throw new InvalidOperationException($"No warm-up day was due: the warm-up is {(IsComplete ? "complete" : "paused for an operator")}.");
        }
    }
}
