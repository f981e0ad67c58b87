namespace CampaignFlows.Durable.Tests.Postgres;

/// <summary>
/// The system clock, except that timers of at least <paramref name="threshold"/> never fire while a test runs: a host
/// using it keeps polling (short waits) but its lease renewals (lease/3) stall, so its leases run out while it works.
/// </summary>
internal sealed class StalledTimersTimeProvider(TimeSpan threshold) : TimeProvider
{
    private static readonly TimeSpan Stall = TimeSpan.FromHours(1);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(callback, state, dueTime >= threshold ? dueTime + Stall : dueTime, period);
}
