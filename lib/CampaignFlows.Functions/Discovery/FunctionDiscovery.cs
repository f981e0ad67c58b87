using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Discovery;

/// <summary>Finds the <see cref="FunctionAttribute">[Function]</see> methods of the given assemblies and checks them.</summary>
/// <remarks>Every problem found is reported at once, each naming its function, so a start-up fails with the whole list.</remarks>
internal static partial class FunctionDiscovery
{
    private static readonly Type[] TriggerAttributes =
    [
        typeof(OrchestrationTriggerAttribute), typeof(ActivityTriggerAttribute), typeof(HttpTriggerAttribute),
        typeof(TimerTriggerAttribute), typeof(SqsTriggerAttribute),
    ];

    /// <summary>All functions declared on the types.</summary>
    /// <exception cref="FunctionStartupException">A function is misconfigured; the message names it and the problem.</exception>
    public static IReadOnlyList<FunctionDefinition> Discover(IEnumerable<Type> types, IConfiguration configuration, string routePrefix)
    {
        var problems = new List<string>();
        var functions = new List<FunctionDefinition>();
        var byName = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var method in types.Distinct().SelectMany(FunctionMethods).OrderBy(m => m.DeclaringType?.FullName, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
            var function = Define(name, method, configuration, routePrefix, problems);
            if (function is null) continue;
            if (byName.TryGetValue(name, out var first))
            {
                problems.Add($"Function '{name}': the name is used twice ({first.Location} and {function.Location}); function names must be unique (case-insensitive).");
                continue;
            }
            byName.Add(name, function);
            functions.Add(function);
        }
        CheckRouteConflicts(functions, problems);
        if (problems.Count > 0) throw new FunctionStartupException(problems);
        return functions;
    }

    private static IEnumerable<MethodInfo> FunctionMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsDefined(typeof(FunctionAttribute)));

    private static FunctionDefinition? Define(string name, MethodInfo method, IConfiguration configuration, string routePrefix, List<string> problems)
    {
        var before = problems.Count;
        void Problem(string text) => problems.Add($"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}): {text}");

        if (string.IsNullOrWhiteSpace(name)) Problem("the name is empty.");
        if (!method.IsPublic) Problem("the method must be public.");
        if (method.IsGenericMethodDefinition) Problem("the method must not be generic.");
        if (!method.IsStatic && method.DeclaringType is { IsAbstract: true }) Problem("an instance function cannot be declared on an abstract or static class.");

        var triggers = method.GetParameters()
            .SelectMany(p => p.GetCustomAttributes().Where(a => TriggerAttributes.Contains(a.GetType())).Select(a => (Parameter: p, Attribute: a)))
            .ToList();
        if (triggers.Count == 0)
        {
            Problem("no trigger parameter; mark one parameter [OrchestrationTrigger], [ActivityTrigger], [HttpTrigger], [TimerTrigger] or [SqsTrigger].");
            return null;
        }
        if (triggers.All(t => t.Attribute is ActivityTriggerAttribute) && triggers.Count > 1)
        {
            Problem($"an activity takes one input, but {string.Join(" and ", triggers.Select(t => $"'{t.Parameter.Name}'"))} are all [ActivityTrigger].");
            return null;
        }
        if (triggers.Count > 1)
        {
            Problem($"more than one trigger ({string.Join(", ", triggers.Select(t => $"'{t.Parameter.Name}'"))}); a function has exactly one.");
            return null;
        }

        var (trigger, attribute) = triggers[0];
        var function = attribute switch
        {
            OrchestrationTriggerAttribute => DefineOrchestration(name, method, trigger, Problem),
            ActivityTriggerAttribute => DefineActivity(name, method, trigger, Problem),
            HttpTriggerAttribute http => DefineHttp(name, method, trigger, http, configuration, routePrefix, Problem),
            TimerTriggerAttribute timer => DefineTimer(name, method, trigger, timer, configuration, Problem),
            SqsTriggerAttribute sqs => DefineSqs(name, method, trigger, sqs, configuration, Problem),
            _ => null,
        };
        if (function is null || problems.Count > before) return null;
        return method.IsStatic ? function : function with { CreateInstance = InstanceFactory(method.DeclaringType!) };
    }

    private static Func<IServiceProvider, object> InstanceFactory(Type type)
    {
        var factory = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        return services => factory(services, null);
    }
}
