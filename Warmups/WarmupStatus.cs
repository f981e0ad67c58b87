namespace CampaignFlows.Warmups;

/// <summary>A warm-up's custom status: what it is doing, where it stands and the last decision with its figures.</summary>
/// <param name="Phase"><c>scheduled</c>, <c>waiting</c>, <c>sending</c>, <c>settling</c>, <c>paused</c>, <c>completed</c> or <c>cancelled</c>.</param>
/// <param name="Target">The IP or pool warmed.</param>
/// <param name="Mode">The warm-up mode.</param>
/// <param name="PlanDay">The plan day due next (or being sent).</param>
/// <param name="Round">Days stepped so far.</param>
/// <param name="ConsecutiveFailedDays">Failed days in a row.</param>
/// <param name="NextStepBy">When the fallback timer steps if no daily-step event arrives first.</param>
/// <param name="LastDay">The last day's figures and decision.</param>
/// <param name="LastOperatorAction">The last operator action applied.</param>
/// <param name="Warning">Why the plan does not finish before the sale, when it does not.</param>
public sealed record WarmupStatus(
    string Phase,
    string Target,
    string Mode,
    int PlanDay,
    int Round,
    int ConsecutiveFailedDays,
    DateTime? NextStepBy,
    WarmupDayRecord? LastDay,
    string? LastOperatorAction,
    string? Warning);

/// <summary>A warm-up's output.</summary>
/// <param name="WarmupId">The warm-up.</param>
/// <param name="Outcome"><c>completed</c> or <c>cancelled</c>.</param>
/// <param name="Rounds">Days stepped.</param>
/// <param name="PlanDay">The plan day reached.</param>
/// <param name="Reason">Why it ended.</param>
public sealed record WarmupResult(string WarmupId, string Outcome, int Rounds, int PlanDay, string Reason);
