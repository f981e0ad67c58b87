namespace CampaignFlows.Durable;

/// <summary>
/// Orchestrators and activities by name: the thin seam between the engine and whatever discovers functions
/// (the Functions-style host, or a test registering lambdas).
/// </summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, Func<TaskOrchestrationContext, Task<object?>>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<TaskActivityContext, Task<object?>>> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an orchestrator that reads its own input from the context.</summary>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public DurableTaskRegistry AddOrchestrator(string name, Func<TaskOrchestrationContext, Task<object?>> run)
    {
        Add(_orchestrators, "orchestrator", name, run);
        return this;
    }

    /// <summary>Registers an orchestrator with a typed input and output.</summary>
    public DurableTaskRegistry AddOrchestrator<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) =>
        AddOrchestrator(name, async ctx => await run(ctx, ctx.GetInput<TInput>()!).ConfigureAwait(true));

    /// <summary>Registers an activity that reads its own input from the context.</summary>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public DurableTaskRegistry AddActivity(string name, Func<TaskActivityContext, Task<object?>> run)
    {
        Add(_activities, "activity", name, run);
        return this;
    }

    /// <summary>Registers an activity with a typed input and output.</summary>
    public DurableTaskRegistry AddActivity<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> run) =>
        AddActivity(name, async ctx => await run(ctx, ctx.GetInput<TInput>()!).ConfigureAwait(false));

    /// <summary>Names of the registered orchestrators.</summary>
    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    /// <summary>Names of the registered activities.</summary>
    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    /// <summary>Finds an orchestrator by name (case-insensitive, as Functions names are).</summary>
    public bool TryGetOrchestrator(string name, out Func<TaskOrchestrationContext, Task<object?>> run) =>
        _orchestrators.TryGetValue(name, out run!);

    /// <summary>Finds an activity by name (case-insensitive, as Functions names are).</summary>
    public bool TryGetActivity(string name, out Func<TaskActivityContext, Task<object?>> run) =>
        _activities.TryGetValue(name, out run!);

    private static void Add<T>(Dictionary<string, T> map, string kind, string name, T run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        if (!map.TryAdd(name, run)) throw new ArgumentException($"An {kind} named '{name}' is already registered.", nameof(name));
    }
}
