using CampaignFlows.Domain;

namespace CampaignFlows.Warmups;

/// <summary>Where a running warm-up stands; small, so it rides across ContinueAsNew.</summary>
/// <param name="Progress">The plan day due next, failed days in a row, paused or complete.</param>
/// <param name="Round">Days stepped so far (held days count), so the next is <c>Round + 1</c>.</param>
/// <param name="LastStepDate">The calendar date (UTC) of the last step; steps for that date or earlier are stale.</param>
/// <param name="LastStepAt">When the last step ran; the fallback timer counts from it.</param>
/// <param name="LastDay">The last day's figures and decision.</param>
/// <param name="LastOperatorAction">The last operator action applied, with when.</param>
/// <param name="Generation">How many times the warm-up continued as new.</param>
public sealed record WarmupCursor(
    WarmupProgress Progress,
    int Round = 0,
    DateOnly? LastStepDate = null,
    DateTime? LastStepAt = null,
    WarmupDayRecord? LastDay = null,
    string? LastOperatorAction = null,
    int Generation = 0)
{
    /// <summary>A warm-up that has not stepped yet.</summary>
    public static WarmupCursor Start { get; } = new(WarmupProgress.Start);
}

/// <summary>The orchestration's input: the fixed settings and the moving cursor.</summary>
/// <param name="Settings">What the warm-up was started with.</param>
/// <param name="Cursor">Where it stands.</param>
public sealed record WarmupInput(WarmupSettings Settings, WarmupCursor Cursor);
