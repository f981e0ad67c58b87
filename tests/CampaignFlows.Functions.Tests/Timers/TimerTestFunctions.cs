using System.Collections.Concurrent;

namespace CampaignFlows.Functions.Tests.Timers;

/// <summary>Tells which host ran a function.</summary>
public sealed record HostTag(string Name);

public sealed record TimerRun(string Host, bool IsPastDue, DateTime? LastRecorded, DateTime At);

public sealed class NightlyReport(HostTag host, TimeProvider time)
{
    public static readonly ConcurrentQueue<TimerRun> Runs = new();

    [Function("NightlyReport")]
    public void Run([TimerTrigger("0 0 3 * * *")] TimerInfo timer) =>
        Runs.Enqueue(new TimerRun(host.Name, timer.IsPastDue, timer.ScheduleStatus?.Last, time.GetUtcNow().UtcDateTime));
}

public sealed class SharedCleanup(HostTag host, TimeProvider time)
{
    public static readonly ConcurrentQueue<TimerRun> Runs = new();

    [Function("SharedCleanup")]
    public void Run([TimerTrigger("%CleanupSchedule%")] TimerInfo timer) =>
        Runs.Enqueue(new TimerRun(host.Name, timer.IsPastDue, timer.ScheduleStatus?.Last, time.GetUtcNow().UtcDateTime));
}

public sealed class PostgresCleanup(HostTag host, TimeProvider time)
{
    public static readonly ConcurrentQueue<TimerRun> Runs = new();

    [Function("PostgresCleanup")]
    public void Run([TimerTrigger("0 15 * * * *")] TimerInfo timer) =>
        Runs.Enqueue(new TimerRun(host.Name, timer.IsPastDue, timer.ScheduleStatus?.Last, time.GetUtcNow().UtcDateTime));
}
