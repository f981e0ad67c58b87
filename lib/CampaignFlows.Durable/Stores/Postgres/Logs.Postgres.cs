using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable;

/// <summary>The PostgreSQL store's log messages (event ids 100-119), part of the engine's one <see cref="Logs"/> class.</summary>
internal static partial class Logs
{
    [LoggerMessage(100, LogLevel.Warning, "PostgreSQL store: {Operation} failed with a transient error ({Reason}) on attempt {Attempt} of {MaxAttempts}; retrying in {DelayMs} ms")]
    public static partial void PostgresTransientError(this ILogger logger, string operation, string reason, int attempt, int maxAttempts, int delayMs,
        Exception exception);

    [LoggerMessage(101, LogLevel.Information, "PostgreSQL store: schema {Schema} upgraded to version {Version} ({Script})")]
    public static partial void PostgresSchemaApplied(this ILogger logger, string schema, long version, string script);

    [LoggerMessage(102, LogLevel.Warning, "PostgreSQL store: checkpoint of {InstanceId} rejected as a duplicate execution (its history rows already exist)")]
    public static partial void PostgresDuplicateCheckpoint(this ILogger logger, string instanceId);
}
