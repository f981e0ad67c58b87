using Microsoft.Extensions.Logging;

namespace CampaignFlows.Sandbox;

internal static partial class Logs
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "SES v2 + SQS sandbox listening on {Url}")]
    public static partial void Listening(this ILogger logger, Uri url);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sandbox stopped")]
    public static partial void Stopped(this ILogger logger);
}
