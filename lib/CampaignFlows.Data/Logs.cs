using Microsoft.Extensions.Logging;

namespace CampaignFlows.Data;

/// <summary>The data store's log messages, with stable event ids.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Campaign data schema on {Provider}: applied versions [{Versions}]")]
    public static partial void SchemaApplied(this ILogger logger, string provider, string versions);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Campaign data schema on {Provider} is up to date")]
    public static partial void SchemaUpToDate(this ILogger logger, string provider);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Warning, Message = "Campaign data write on {Provider} waited {Seconds:F1} s for the database ({Attempts} attempt(s)): busy, another connection or process holds the lock")]
    public static partial void SlowWrite(this ILogger logger, string provider, double seconds, int attempts);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "Campaign data write on {Provider} failed transiently (attempt {Attempt}), retrying: {Error}")]
    public static partial void WriteRetried(this ILogger logger, string provider, int attempt, string error);
}
