using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions;

/// <summary>Every log message of the host, with stable event ids.</summary>
internal static partial class Logs
{
    [LoggerMessage(4001, LogLevel.Information, "Host started with {Count} functions: {Names}")]
    public static partial void FunctionsLoaded(ILogger logger, int count, string names);

    [LoggerMessage(4002, LogLevel.Warning, "{Warning}")]
    public static partial void ConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(4003, LogLevel.Warning, "No keys were configured; generated new ones in {File} (shown once on the console)")]
    public static partial void KeysGenerated(ILogger logger, string file);

    [LoggerMessage(4010, LogLevel.Error, "Request {Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(4020, LogLevel.Information, "Timer {Function} missed its occurrence at {Due:o}; running it once, past due")]
    public static partial void TimerPastDue(ILogger logger, string function, DateTime due);

    [LoggerMessage(4021, LogLevel.Error, "Timer function {Function} failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(4030, LogLevel.Warning, "Queue function {Function} failed on message {MessageId}; it will be received again")]
    public static partial void QueueMessageFailed(ILogger logger, Exception exception, string function, string messageId);

    [LoggerMessage(4031, LogLevel.Warning, "Queue function {Function}: message {MessageId} was received {Count} times; moved to the dead-letter queue")]
    public static partial void QueueMessagePoisoned(ILogger logger, string function, string messageId, int count);

    [LoggerMessage(4033, LogLevel.Warning, "Queue function {Function}: deleting processed entry {EntryId} failed ({Code}); it will be received again")]
    public static partial void QueueDeleteFailed(ILogger logger, string function, string entryId, string code);

    [LoggerMessage(4032, LogLevel.Error, "Queue function {Function} could not poll its queue; retrying")]
    public static partial void QueuePollFailed(ILogger logger, Exception exception, string function);
}
