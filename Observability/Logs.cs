namespace CampaignFlows.Observability;

/// <summary>The telemetry's log messages; endpoints are logged without paths, queries or headers so no collector key leaks.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Exporting metrics and traces over OTLP ({Protocol}) to {Endpoint}")]
    public static partial void TelemetryExporting(ILogger logger, string endpoint, string protocol);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Sampling rate limits and queues for the metrics failed: {ErrorType}: {Error}")]
    public static partial void FlowSampleFailed(ILogger logger, string errorType, string error);
}
