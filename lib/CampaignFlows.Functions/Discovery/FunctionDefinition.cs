using System.Reflection;
using CampaignFlows.Functions.Invocation;
using NCrontab;

namespace CampaignFlows.Functions.Discovery;

/// <summary>A discovered function: its method, trigger and how each parameter is bound.</summary>
internal sealed record FunctionDefinition(string Name, MethodInfo Method, FunctionKind Kind, IReadOnlyList<ParameterBinder> Binders)
{
    /// <summary>Creates the declaring type for instance methods, with constructor injection from the invocation's services.</summary>
    public Func<IServiceProvider, object>? CreateInstance { get; init; }

    /// <summary>Set for HTTP functions.</summary>
    public HttpBinding? Http { get; init; }

    /// <summary>Set for timer functions.</summary>
    public TimerBinding? Timer { get; init; }

    /// <summary>Set for SQS functions.</summary>
    public SqsBinding? Sqs { get; init; }

    /// <summary>Type name and method, for messages.</summary>
    public string Location => $"{Method.DeclaringType?.FullName}.{Method.Name}";
}

/// <summary>An HTTP function's resolved route (prefix included), methods (upper case; empty for any) and key level.</summary>
internal sealed record HttpBinding(string Route, IReadOnlyList<string> Methods, AuthorizationLevel Level);

/// <summary>A timer function's parsed schedule.</summary>
internal sealed record TimerBinding(string Expression, CrontabSchedule Schedule, bool RunOnStartup, bool UseMonitor);

/// <summary>An SQS function's resolved queue settings.</summary>
internal sealed record SqsBinding(string QueueUrl, string? DeadLetterQueueUrl, string? Connection, int BatchSize, int MaxReceiveCount,
    int WaitTimeSeconds, Type MessageType, int Pollers = 1);
