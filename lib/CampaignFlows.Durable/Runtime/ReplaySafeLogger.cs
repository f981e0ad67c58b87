using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Runtime;

/// <summary>Writes only when the orchestration is not replaying, so each line appears once however often the code re-runs.</summary>
internal sealed class ReplaySafeLogger(ILogger inner, TaskOrchestrationContext context) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!context.IsReplaying) inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
