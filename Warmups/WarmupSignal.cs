namespace CampaignFlows.Warmups;

/// <summary>The one external event a warm-up waits for: a daily step or an operator's action.</summary>
/// <remarks>
/// One event name for everything means the orchestration has exactly one outstanding wait, so no signal is ever
/// consumed by a wait the code has moved past. A step carries the calendar date it is for: a step for a date
/// already stepped is stale and ignored, which is what keeps the timer trigger, the fallback timer and a retried
/// trigger from stepping one day twice.
/// </remarks>
/// <param name="Kind">One of the <c>*Kind</c> constants.</param>
/// <param name="Date">For a step: the UTC date it steps.</param>
/// <param name="Reason">For an operator action: why, for the record.</param>
public sealed record WarmupSignal(string Kind, DateOnly? Date = null, string? Reason = null)
{
    /// <summary>The external event's name.</summary>
    public const string EventName = "warmup";

    /// <summary>The daily step, raised by the timer trigger.</summary>
    public const string StepKind = "step";

    /// <summary>Operator: lift a pause and move to the next plan day.</summary>
    public const string AdvanceKind = "advance";

    /// <summary>Operator: lift a pause and repeat the current plan day.</summary>
    public const string HoldKind = "hold";

    /// <summary>Operator: lift a pause and carry on where it stopped (as hold).</summary>
    public const string ResumeKind = "resume";

    /// <summary>Operator: end the warm-up.</summary>
    public const string CancelKind = "cancel";

    /// <summary>The operator actions, as accepted over HTTP.</summary>
    public static IReadOnlyList<string> OperatorKinds { get; } = [AdvanceKind, HoldKind, ResumeKind, CancelKind];

    /// <summary>A daily step for a date.</summary>
    public static WarmupSignal Step(DateOnly date) => new(StepKind, date);
}
