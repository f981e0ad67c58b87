using CampaignFlows.Durable;
using CampaignFlows.Functions.Invocation;

namespace CampaignFlows.Functions.Discovery;

/// <summary>The app's discovered functions, and their registration as the engine's orchestrators and activities.</summary>
internal sealed class FunctionCatalog(IReadOnlyList<FunctionDefinition> functions)
{
    private readonly Dictionary<string, FunctionDefinition> _byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<FunctionDefinition> Functions { get; } = functions;

    public bool IsOrchestrator(string name) => _byName.TryGetValue(name, out var f) && f.Kind == FunctionKind.Orchestration;

    /// <summary>The name as declared, for a name matched case-insensitively.</summary>
    public string CanonicalName(string name) => _byName[name].Name;

    /// <summary>Registers every orchestrator and activity under its function name.</summary>
    public void RegisterDurableTasks(IServiceProvider services, DurableTaskRegistry registry)
    {
        foreach (var function in Functions)
        {
            if (function.Kind == FunctionKind.Orchestration)
                registry.AddOrchestrator(function.Name, ctx => FunctionInvoker.InvokeAsync(function, new InvocationContext(services, ctx, CancellationToken.None)));
            else if (function.Kind == FunctionKind.Activity)
                registry.AddActivity(function.Name, ctx => FunctionInvoker.InvokeAsync(function, new InvocationContext(ctx.Services, ctx, ctx.CancellationToken)));
        }
    }
}
