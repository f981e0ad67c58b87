using Microsoft.Extensions.Logging;

namespace CampaignFlows.Data;

/// <summary>The data store's log messages, with stable event ids.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Campaign data schema on {Provider}: applied versions [{Versions}]")]
    public static partial void SchemaApplied(this ILogger logger, string provider, string versions);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Campaign data schema on {Provider} is up to date")]
    public static partial void SchemaUpToDate(this ILogger logger, string provider);
}
