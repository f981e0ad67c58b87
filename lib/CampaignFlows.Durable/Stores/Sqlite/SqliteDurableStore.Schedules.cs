namespace CampaignFlows.Durable.Stores.Sqlite;

internal sealed partial class SqliteDurableStore
{
    public Task<ScheduleStatus?> GetStatusAsync(string scheduleName, CancellationToken cancellation = default) => RunAsync(() =>
        Query(SqliteSql.SelectSchedule, r => new ScheduleStatus(Time(r.GetInt64(0)), Time(r.GetInt64(1)), Time(r.GetInt64(2))),
            ("$name", scheduleName)).FirstOrDefault(), cancellation);

    public Task<bool> TryClaimOccurrenceAsync(string scheduleName, DateTime? expectedLast, DateTime occurrence, DateTime next,
        CancellationToken cancellation = default) => InTransactionAsync(() =>
    {
        var args = new (string, object?)[] { ("$name", scheduleName), ("$last", occurrence.ToUniversalTime().Ticks),
            ("$next", next.ToUniversalTime().Ticks), ("$updated", _time.GetUtcNow().UtcDateTime.Ticks), ("$expected", expectedLast?.ToUniversalTime().Ticks) };
        return expectedLast is null ? Exec(SqliteSql.ClaimFirstOccurrence, args) == 1 : Exec(SqliteSql.ClaimOccurrence, args) == 1;
    }, cancellation);
}

internal static partial class SqliteSql
{
    public const string SelectSchedule = "SELECT last, next, updated FROM schedules WHERE name = $name";

    /// <summary>A schedule's first run: whoever inserts the row wins.</summary>
    public const string ClaimFirstOccurrence = "INSERT INTO schedules (name, last, next, updated) VALUES ($name, $last, $next, $updated) ON CONFLICT (name) DO NOTHING";

    /// <summary>Compare-and-set on the last occurrence: exactly one host moves it forward.</summary>
    public const string ClaimOccurrence = "UPDATE schedules SET last = $last, next = $next, updated = $updated WHERE name = $name AND last = $expected";
}
