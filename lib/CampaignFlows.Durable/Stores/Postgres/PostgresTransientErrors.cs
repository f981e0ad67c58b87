using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

/// <summary>
/// Which failures are worth trying again, and how long to wait: an explicit list, so that a constraint violation or a
/// bug in a statement fails at once instead of being retried into a timeout.
/// </summary>
internal static class PostgresTransientErrors
{
    /// <summary>Attempts per operation, the first included.</summary>
    public const int MaxAttempts = 6;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        // A concurrent transaction won a conflict; running again sees its result and decides afresh.
        "40001", // serialization_failure
        "40P01", // deadlock_detected: PostgreSQL aborted this transaction to break a cycle with another host.
        // The connection went away; the pool hands out a fresh one on the next attempt.
        "08000", // connection_exception
        "08001", // sqlclient_unable_to_establish_sqlconnection
        "08003", // connection_does_not_exist
        "08004", // sqlserver_rejected_establishment_of_sqlconnection
        "08006", // connection_failure
        // The server is restarting or failing over; it accepts connections again shortly.
        "57P01", // admin_shutdown (also what pg_terminate_backend sends)
        "57P02", // crash_shutdown
        "57P03", // cannot_connect_now: still starting up
        // Other hosts hold every connection slot for a moment.
        "53300", // too_many_connections
    };

    /// <summary>The reason to retry <paramref name="exception"/> (its SQLSTATE, or "network"), or null when it is not transient.</summary>
    public static string? Classify(Exception exception) => exception switch
    {
        PostgresException pg => Codes.Contains(pg.SqlState) ? pg.SqlState : null,
        // Socket and stream failures carry no SQLSTATE; Npgsql marks the ones that a new connection may cure.
        NpgsqlException { IsTransient: true } => "network",
        _ => null,
    };

    /// <summary>Exponential back-off with jitter, so hosts that failed together do not retry together.</summary>
    public static TimeSpan Delay(int attempt)
    {
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(MaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
