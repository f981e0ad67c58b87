using CampaignFlows.Durable.History;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Runtime;

/// <summary>
/// One live orchestration: its context as the code sees it, and the state machine that applies history events to it.
/// Events are applied one at a time on the calling thread; the code runs inline (see <see cref="OrchestrationTaskScheduler"/>)
/// until its next incomplete await. Kept between episodes when extended sessions are on.
/// </summary>
internal sealed partial class OrchestrationRuntime : TaskOrchestrationContext
{
    private readonly OrchestrationTaskScheduler _scheduler = new();
    private readonly Func<TaskOrchestrationContext, Task<object?>> _function;
    private readonly RuntimeEnvironment _env;
    private readonly Dictionary<int, PendingAction> _open = [];
    private readonly List<PendingAction> _unrecorded = [];
    private int _nextActionId;
    private int _guidCounter;
    private string? _input;
    private Task<object?>? _running;
    private string? _customStatus;
    private bool _customStatusChanged;
    private (string? Input, bool PreserveEvents)? _continueAsNew;

    public OrchestrationRuntime(string name, string instanceId, Func<TaskOrchestrationContext, Task<object?>> function, RuntimeEnvironment env)
    {
        Name = name;
        InstanceId = instanceId;
        _function = function;
        _env = env;
    }

    public override string Name { get; }
    public override string InstanceId { get; }
    public override string? ParentInstanceId => Parent?.InstanceId;
    public override DateTime CurrentUtcDateTime => _currentUtc;
    public override bool IsReplaying => _replaying;

    public ParentInstance? Parent { get; private set; }
    public string ExecutionId { get; private set; } = "";
    public string? CustomStatus => _customStatus;

    /// <summary>How many stored history events this runtime has applied (extended sessions compare it with the store).</summary>
    public int HistoryLength { get; set; }

    /// <summary>Set once the orchestration finished, failed, was terminated or continued as new.</summary>
    public EpisodeCompletion? Completion { get; private set; }

    private DateTime _currentUtc;
    private bool _replaying;

    public override T? GetInput<T>() where T : default => JsonPayload.Deserialize<T>(_input, $"the input of orchestration '{Name}' ({InstanceId})");

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var json = SerializeArgument(input, $"The input of activity '{name}'");
        if (!_env.Registry.TryGetActivity(name, out _)) return Unknown<TResult>("activity", name);
        return WithRetry(options?.Retry, attempt => Schedule<TResult>(new PendingAction(_nextActionId++, ActionKind.Activity, name)
        {
            Input = json, Options = options, Attempt = attempt,
        }));
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var json = SerializeArgument(input, $"The input of sub-orchestration '{orchestratorName}'");
        if (!_env.Registry.TryGetOrchestrator(orchestratorName, out _)) return Unknown<TResult>("orchestrator", orchestratorName);
        var fixedId = (options as SubOrchestrationOptions)?.InstanceId;
        if (fixedId is not null) InstanceIds.Validate(fixedId, "SubOrchestrationOptions.InstanceId");
        return WithRetry(options?.Retry, attempt =>
        {
            var id = _nextActionId++;
            return Schedule<TResult>(new PendingAction(id, ActionKind.SubOrchestration, orchestratorName)
            {
                Input = json, Options = options, Attempt = attempt, ChildInstanceId = fixedId ?? ChildId(id),
            });
        });
    }

    private string ChildId(int actionId)
    {
        var id = $"{InstanceId}:{actionId}";
        return id.Length <= InstanceIds.MaxLength ? id : DeterministicGuid.Create(id).ToString("N");
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var action = new PendingAction(_nextActionId++, ActionKind.Timer, "timer") { FireAt = fireAt.ToUniversalTime() };
        Track(action);
        if (cancellationToken.CanBeCanceled)
            cancellationToken.Register(() => action.Completion.TrySetCanceled(cancellationToken));
        return action.Completion.Task;
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        _continueAsNew = (SerializeArgument(newInput, $"The ContinueAsNew input of '{Name}'"), preserveUnprocessedEvents);

    public override void SetCustomStatus(object? customStatus)
    {
        _customStatus = SerializeArgument(customStatus, $"The custom status of '{Name}'");
        _customStatusChanged = true;
    }

    public override Guid NewGuid() => DeterministicGuid.Create($"{InstanceId}_{ExecutionId}_{_guidCounter++}");

    public override ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(_env.LoggerFactory.CreateLogger(categoryName), this);

    private string? SerializeArgument(object? value, string what)
    {
        var json = JsonPayload.Serialize(value);
        JsonPayload.EnsureSize(json, _env.MaxPayloadBytes, what);
        return json;
    }

    private static Task<T> Unknown<T>(string kind, string name) => Task.FromException<T>(new TaskFailedException(name, -1,
        new TaskFailureDetails(typeof(ArgumentException).FullName!, $"No {kind} named '{name}' is registered.")));

    private void Track(PendingAction action)
    {
        _open[action.Id] = action;
        _unrecorded.Add(action);
    }

    private async Task<T> Schedule<T>(PendingAction action)
    {
        Track(action);
        var json = await action.Completion.Task;
        return JsonPayload.Deserialize<T>(json, $"the result of {action.Kind.ToString().ToLowerInvariant()} '{action.Name}'")!;
    }

    /// <summary>Retries inside the orchestration: each wait is a durable timer, so the loop replays exactly.</summary>
    private async Task<T> WithRetry<T>(RetryPolicy? policy, Func<int, Task<T>> attempt)
    {
        if (policy is null) return await attempt(1);
        var firstAttemptAt = CurrentUtcDateTime;
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt(n);
            }
            catch (TaskFailedException ex) when (n < policy.MaxNumberOfAttempts && (policy.HandleFailure?.Invoke(ex.FailureDetails) ?? true))
            {
                var delay = policy.DelayBefore(n + 1);
                if (policy.RetryTimeout is { } budget && CurrentUtcDateTime + delay - firstAttemptAt > budget) throw;
                await CreateTimer(CurrentUtcDateTime + delay, CancellationToken.None);
            }
        }
    }
}
