namespace CampaignFlows.Durable;

/// <summary>
/// Shared state of timer schedules, kept in the engine's store so that each occurrence of a schedule runs once
/// across all hosts and an occurrence missed while every host was down is caught up once at start.
/// </summary>
public interface IScheduleMonitor
{
    /// <summary>The last recorded status of the schedule, or null if it never ran.</summary>
    Task<ScheduleStatus?> GetStatusAsync(string scheduleName, CancellationToken cancellation = default);

    /// <summary>
    /// Claims an occurrence: records <paramref name="occurrence"/> as the last run and <paramref name="next"/> as the next,
    /// only if the recorded last run still equals <paramref name="expectedLast"/> (null: never ran). Exactly one host wins.
    /// </summary>
    /// <returns>True when this caller won the occurrence and should run it.</returns>
    Task<bool> TryClaimOccurrenceAsync(string scheduleName, DateTime? expectedLast, DateTime occurrence, DateTime next,
        CancellationToken cancellation = default);
}

/// <summary>A schedule's recorded state, as Azure Functions' timer trigger reports it.</summary>
/// <param name="Last">The last occurrence that ran (UTC).</param>
/// <param name="Next">The next occurrence expected (UTC).</param>
/// <param name="LastUpdated">When the record was written (UTC).</param>
public sealed record ScheduleStatus(DateTime Last, DateTime Next, DateTime LastUpdated);
