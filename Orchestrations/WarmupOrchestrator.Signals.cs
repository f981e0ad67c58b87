using CampaignFlows.Durable;
using CampaignFlows.Warmups;

namespace CampaignFlows.Orchestrations;

public static partial class WarmupOrchestrator
{
    /// <summary>The reason a step taken by the fallback timer carries.</summary>
    public const string FallbackStep = "fallback";

    /// <summary>
    /// Waits for the next signal. The first day steps at once; a paused warm-up waits without a deadline; otherwise the
    /// wait ends at the fallback deadline with a step for the current date.
    /// </summary>
    private static async Task<WarmupSignal> NextSignalAsync(TaskOrchestrationContext context, WarmupSettings settings, WarmupCursor cursor)
    {
        var today = DateOnly.FromDateTime(context.CurrentUtcDateTime);
        if (cursor.Round == 0 && !cursor.Progress.IsPaused) return WarmupSignal.Step(today) with { Reason = "start" };

        if (cursor.Progress.IsPaused)
        {
            context.SetCustomStatus(Status("paused", settings, cursor));
            return await context.WaitForExternalEvent<WarmupSignal>(WarmupSignal.EventName);
        }

        context.SetCustomStatus(Status("waiting", settings, cursor));
        var remaining = cursor.LastStepAt!.Value + settings.FallbackAfter - context.CurrentUtcDateTime;
        if (remaining <= TimeSpan.Zero) return FallbackSignal(context);
        try
        {
            return await context.WaitForExternalEvent<WarmupSignal>(WarmupSignal.EventName, remaining);
        }
        catch (TaskCanceledException)
        {
            return FallbackSignal(context);
        }
    }

    private static WarmupSignal FallbackSignal(TaskOrchestrationContext context) =>
        WarmupSignal.Step(DateOnly.FromDateTime(context.CurrentUtcDateTime)) with { Reason = FallbackStep };

    /// <summary>Applies an operator's action; an advance or hold that finds nothing paused still moves the plan as asked.</summary>
    private static WarmupCursor ApplyOperator(TaskOrchestrationContext context, WarmupCursor cursor, WarmupSignal signal)
    {
        var progress = signal.Kind switch
        {
            WarmupSignal.AdvanceKind => cursor.Progress.OperatorAdvance(),
            WarmupSignal.HoldKind or WarmupSignal.ResumeKind => cursor.Progress.OperatorHold(),
            _ => cursor.Progress,
        };
        var why = string.IsNullOrWhiteSpace(signal.Reason) ? "" : $": {signal.Reason}";
        var action = $"{signal.Kind} at {context.CurrentUtcDateTime:u} on plan day {cursor.Progress.Day}{why}";
        return cursor with { Progress = progress, LastOperatorAction = action };
    }
}
