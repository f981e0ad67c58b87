namespace CampaignFlows.Durable.Stores.Postgres;

internal sealed partial class PostgresDurableStore
{
    public Task<ScheduleStatus?> GetStatusAsync(string scheduleName, CancellationToken cancellation = default) =>
        RunAsync(nameof(GetStatusAsync), async (c, ct) => (await QueryAsync(c, PostgresSql.SelectSchedule,
            r => new ScheduleStatus(Time(r.GetInt64(0)), Time(r.GetInt64(1)), Time(r.GetInt64(2))), ct, P.Text("name", scheduleName))
            .ConfigureAwait(false)).FirstOrDefault(), cancellation);

    public Task<bool> TryClaimOccurrenceAsync(string scheduleName, DateTime? expectedLast, DateTime occurrence, DateTime next,
        CancellationToken cancellation = default) =>
        RunAsync(nameof(TryClaimOccurrenceAsync), async (c, ct) => await ExecAsync(c,
            expectedLast is null ? PostgresSql.ClaimFirstOccurrence : PostgresSql.ClaimOccurrence, ct, P.Text("name", scheduleName),
            P.Long("last", occurrence.ToUniversalTime().Ticks), P.Long("next", next.ToUniversalTime().Ticks),
            P.Long("updated", _time.GetUtcNow().UtcDateTime.Ticks), P.Long("expected", expectedLast?.ToUniversalTime().Ticks)).ConfigureAwait(false) == 1,
            cancellation);
}

internal static partial class PostgresSql
{
    public const string SelectSchedule = "SELECT last, next, updated FROM {schema}.schedules WHERE name = @name";

    /// <summary>A schedule's first run: whoever inserts the row wins.</summary>
    public const string ClaimFirstOccurrence = """
        INSERT INTO {schema}.schedules (name, last, next, updated) VALUES (@name, @last, @next, @updated) ON CONFLICT (name) DO NOTHING
        """;

    /// <summary>Compare-and-set on the last occurrence: exactly one host moves it forward.</summary>
    public const string ClaimOccurrence = """
        UPDATE {schema}.schedules SET last = @last, next = @next, updated = @updated WHERE name = @name AND last = @expected
        """;
}
