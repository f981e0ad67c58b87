using System.Reflection;
using CampaignFlows.Durable;
using CampaignFlows.Functions.Invocation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions.Discovery;

internal static partial class FunctionDiscovery
{
    private static FunctionDefinition? DefineOrchestration(string name, MethodInfo method, ParameterInfo trigger, Action<string> problem)
    {
        if (trigger.ParameterType != typeof(TaskOrchestrationContext))
            problem($"the [OrchestrationTrigger] parameter '{trigger.Name}' must be a TaskOrchestrationContext, not {trigger.ParameterType.Name}.");
        foreach (var other in method.GetParameters().Where(p => p != trigger))
            problem($"parameter '{other.Name}' ({other.ParameterType.Name}) cannot be bound: an orchestrator takes only its TaskOrchestrationContext " +
                "(read the input with GetInput<T>(), log with CreateReplaySafeLogger).");
        return new FunctionDefinition(name, method, FunctionKind.Orchestration, [ctx => ctx.TriggerValue]);
    }

    private static FunctionDefinition DefineActivity(string name, MethodInfo method, ParameterInfo trigger, Action<string> problem)
    {
        foreach (var p in method.GetParameters()) CheckDurableClientType(p, problem);
        var binders = method.GetParameters()
            .Select(p => p == trigger ? ActivityInput(p.ParameterType)
                : p.ParameterType == typeof(TaskActivityContext) ? ctx => ctx.TriggerValue
                : CommonBinder(name, p) ?? Unbindable(p))
            .ToList();
        return new FunctionDefinition(name, method, FunctionKind.Activity, binders);

        ParameterBinder Unbindable(ParameterInfo p)
        {
            problem($"parameter '{p.Name}' ({p.ParameterType.Name}) cannot be bound: an activity takes one [ActivityTrigger] input plus optional " +
                "TaskActivityContext, CancellationToken, ILogger and [DurableClient] DurableTaskClient.");
            return _ => null;
        }
    }

    private static ParameterBinder ActivityInput(Type type)
    {
        if (type == typeof(TaskActivityContext)) return ctx => ctx.TriggerValue;
        var getInput = typeof(TaskActivityContext).GetMethod(nameof(TaskActivityContext.GetInput))!.MakeGenericMethod(type);
        return ctx => getInput.Invoke(ctx.TriggerValue, BindingFlags.DoNotWrapExceptions, null, null, null);
    }

    /// <summary>Binders every trigger kind shares; null when the parameter is none of them.</summary>
    private static ParameterBinder? CommonBinder(string functionName, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.IsDefined(typeof(DurableClientAttribute)) || type == typeof(DurableTaskClient))
            return ctx => ctx.Services.GetRequiredService<DurableTaskClient>();
        if (type == typeof(CancellationToken)) return ctx => ctx.Cancellation;
        if (type == typeof(ILogger))
        {
            var category = $"Function.{functionName}";
            return ctx => ctx.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        }
        return null;
    }

    private static void CheckDurableClientType(ParameterInfo parameter, Action<string> problem)
    {
        if (parameter.IsDefined(typeof(DurableClientAttribute)) && parameter.ParameterType != typeof(DurableTaskClient))
            problem($"the [DurableClient] parameter '{parameter.Name}' must be a DurableTaskClient, not {parameter.ParameterType.Name}.");
    }
}
