using CampaignFlows.Domain;
using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;

namespace CampaignFlows.Orchestrations;

/// <summary>The four-week warm-up of one dedicated IP or pool: one plan day per calendar day, gated on its bounces and complaints.</summary>
/// <remarks>
/// <para>Day 1 runs at the start time. Every later day waits for the daily-step signal the timer trigger raises,
/// or steps on its own when none arrived <see cref="WarmupSettings.FallbackAfter"/> (26 h) after the last step. Each
/// step is for a calendar date and a date already stepped is ignored, so a day is never stepped twice.</para>
/// <para>A day sends through <see cref="CampaignOrchestrator"/> sub-orchestrations (the dedicated route and the shared
/// pool), so warm-up mail obeys the same rate and quota keys, de-duplication and suppression as any campaign. After
/// the events settle, <see cref="WarmupGate"/> decides advance, hold or pause; a pause waits for an operator.</para>
/// <para>Deterministic: time is the orchestration's, the plan is pure, and all I/O is in activities. The history
/// stays small because the warm-up continues as new every <see cref="WarmupSettings.DaysPerGeneration"/> days.</para>
/// </remarks>
public static partial class WarmupOrchestrator
{
    /// <summary>The orchestration.</summary>
    [Function(nameof(WarmupOrchestrator))]
    public static async Task<WarmupResult> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<WarmupInput>() ?? throw new InvalidOperationException("WarmupOrchestrator needs a WarmupInput.");
        var settings = input.Settings;
        var cursor = input.Cursor;
        var plan = WarmupPlan.ForTarget(settings.TargetDailyVolume);

        if (cursor.Round == 0 && settings.StartAt.UtcDateTime > context.CurrentUtcDateTime)
        {
            context.SetCustomStatus(Status("scheduled", settings, cursor));
            await context.CreateTimer(settings.StartAt.UtcDateTime, CancellationToken.None);
        }

        for (var daysThisGeneration = 0; ;)
        {
            if (cursor.Progress.IsComplete) return Finish(context, settings, cursor, "completed", $"Plan day {StandardWarmupRamp.PlanDays} passed its gate.");

            var signal = await NextSignalAsync(context, settings, cursor);
            if (signal.Kind != WarmupSignal.StepKind)
            {
                cursor = ApplyOperator(context, cursor, signal);
                if (signal.Kind == WarmupSignal.CancelKind) return Finish(context, settings, cursor, "cancelled", signal.Reason ?? "Cancelled by an operator.");
                continue;
            }

            if (cursor.Progress.IsPaused || IsStale(cursor, signal)) continue;

            var steppedBy = signal.Reason ?? "timer";
            cursor = cursor with { Round = cursor.Round + 1, LastStepDate = signal.Date, LastStepAt = context.CurrentUtcDateTime };
            var day = await RunDayAsync(context, settings, plan, cursor, steppedBy);
            cursor = cursor with { Progress = cursor.Progress.After(day.Decision), LastDay = day.Record };
            context.SetCustomStatus(Status(cursor.Progress.IsPaused ? "paused" : "waiting", settings, cursor));

            if (++daysThisGeneration >= settings.DaysPerGeneration && !cursor.Progress.IsComplete)
            {
                context.ContinueAsNew(new WarmupInput(settings, cursor with { Generation = cursor.Generation + 1 }));
                return new WarmupResult(settings.WarmupId, "continued", cursor.Round, cursor.Progress.Day, "Continued as new to keep the history small.");
            }
        }
    }

    private static bool IsStale(WarmupCursor cursor, WarmupSignal step) =>
        step.Date is not { } date || (cursor.LastStepDate is { } last && date <= last);

    private static WarmupResult Finish(TaskOrchestrationContext context, WarmupSettings settings, WarmupCursor cursor, string outcome, string reason)
    {
        context.SetCustomStatus(Status(outcome, settings, cursor));
        return new WarmupResult(settings.WarmupId, outcome, cursor.Round, cursor.Progress.Day, reason);
    }

    private static WarmupStatus Status(string phase, WarmupSettings settings, WarmupCursor cursor) => new(
        phase,
        settings.Target.ToString(),
        settings.Mode,
        cursor.Progress.Day,
        cursor.Round,
        cursor.Progress.ConsecutiveFailedDays,
        cursor.LastStepAt is { } at && !cursor.Progress.IsPaused && !cursor.Progress.IsComplete ? at + settings.FallbackAfter : null,
        cursor.LastDay,
        cursor.LastOperatorAction,
        settings.Warning);
}
