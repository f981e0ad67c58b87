namespace CampaignFlows.Functions;

/// <summary>Runs a function on a 6-field NCRONTAB schedule: <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, in UTC.</summary>
/// <remarks>
/// The schedule may be a <c>%Setting%</c> expression read from configuration. Each occurrence runs once across all hosts
/// sharing the engine's store.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class TimerTriggerAttribute(string schedule) : Attribute
{
    /// <summary>The NCRONTAB expression or <c>%Setting%</c>.</summary>
    public string Schedule { get; } = schedule;

    /// <summary>Also run once whenever a host starts (on every host, without claiming an occurrence).</summary>
    public bool RunOnStartup { get; init; }

    /// <summary>Record the schedule in the store so an occurrence missed while every host was down runs once at start.</summary>
    public bool UseMonitor { get; init; } = true;
}
